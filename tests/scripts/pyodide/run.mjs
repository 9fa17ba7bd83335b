// Runs a Python script under Pyodide (CPython 3.14 in WebAssembly), offline.
// Usage: node run.mjs SCRIPT.py < input
// The script reads its input from the global PHICODE_INPUT and prints its result.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const script = readFileSync(process.argv[2], "utf8");
const input = readFileSync(0, "utf8");
const pyodide = await loadPyodide({
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
pyodide.globals.set("PHICODE_INPUT", input);
try {
  pyodide.runPython(script);
} catch (error) {
  process.stderr.write(String(error) + "\n");
  process.exitCode = 1;
}
