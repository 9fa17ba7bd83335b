//! `phicode FILE ARGS...`, `phicode -m MODULE ARGS...`, `phicode -c CODE ARGS...` and
//! `phicode - ARGS...` (the program on stdin) as `phicode run ...`, with python3's own
//! flags before the program (`-O`, `-X dev`, `-W error`, ...) handed on as
//! `--python-flag`s, and a `--` before the program so that everything after it belongs to
//! the program, as in python3.

use std::ffi::{OsStr, OsString};

const SUBCOMMANDS: [&str; 14] = [
    "run",
    "convert",
    "symbols",
    "check",
    "interpreters",
    "config",
    "help",
    "worker",
    "repl",
    "promise",
    "sessions",
    "serve",
    "lsp",
    "kernel",
];
const RUN_FLAGS: [&str; 2] = ["--debug", "--pypy"];
const RUN_OPTIONS: [&str; 5] = ["--python", "--interpreter", "--config", "--level", "--policy"];
/// python3's flags that take no value and may be grouped (`-OO`, `-Bu`).
const PYTHON_LETTERS: &str = "bBdEIOPqRsSuv";
/// python3's flags that take a value, joined (`-Wignore`) or as the next argument.
const PYTHON_VALUED: [char; 2] = ['W', 'X'];

/// Rewrites `args` (program name first) so clap sees an explicit `run` and `--`.
pub fn normalize(args: Vec<OsString>) -> Vec<OsString> {
    let Some((program, rest)) = args.split_first() else {
        return args;
    };
    let mut flags: Vec<OsString> = Vec::new();
    let mut explicit_run = false;
    let mut i = 0;
    while let Some(token) = rest.get(i) {
        let text = token.to_str().unwrap_or("");
        if RUN_FLAGS.contains(&text) || RUN_OPTIONS.iter().any(|o| is_joined(text, o)) {
            flags.push(token.clone());
            i += 1;
        } else if RUN_OPTIONS.contains(&text) || text == "-m" {
            flags.extend(rest.get(i..i + 2).unwrap_or(&rest[i..]).iter().cloned());
            i += 2;
            if text == "-m" {
                break;
            }
        } else if let Some(taken) = python_flag(text) {
            for token in rest.iter().skip(i).take(taken) {
                let mut flag = OsString::from("--python-flag=");
                flag.push(token);
                flags.push(flag);
            }
            i += taken;
        } else if text == "-c" || (text.starts_with("-c") && !text.starts_with("--")) {
            // `-c CODE` or `-cCODE`: the code is the program; what follows is its argv.
            flags.push("-c".into());
            if text == "-c" {
                flags.extend(rest.get(i + 1).cloned());
                i += 2;
            } else {
                flags.push(OsStr::new(&text[2..]).into());
                i += 1;
            }
            break;
        } else if text == "-" {
            break; // The program is on stdin.
        } else if text.starts_with("-m") && text.len() > 2 {
            flags.push("-m".into());
            flags.push(OsStr::new(&text[2..]).into());
            i += 1;
            break;
        } else if text == "run" && !explicit_run && flags.is_empty() {
            explicit_run = true;
            i += 1;
        } else if text == "--" {
            i += 1;
            break;
        } else if text.starts_with('-') || (!explicit_run && SUBCOMMANDS.contains(&text)) {
            return args; // Help, version, a typo, or another command: clap decides.
        } else {
            break; // The program file.
        }
    }
    let has_program = i < rest.len() || flags.iter().any(|f| f == "-m" || f == "-c");
    if !explicit_run && !has_program {
        return args;
    }
    let mut out = vec![program.clone(), "run".into()];
    out.extend(flags);
    out.push("--".into());
    out.extend(rest.iter().skip(i).cloned());
    out
}

/// How many arguments python3's flag `text` takes up (itself, and its value when it is
/// the next argument); `None` when it is not one of python3's flags.
fn python_flag(text: &str) -> Option<usize> {
    let letters = text.strip_prefix('-').filter(|t| !t.is_empty() && !t.starts_with('-'))?;
    for (at, letter) in letters.char_indices() {
        if PYTHON_VALUED.contains(&letter) {
            return Some(if at + 1 < letters.len() { 1 } else { 2 });
        }
        if !PYTHON_LETTERS.contains(letter) {
            return None;
        }
    }
    Some(1)
}

fn is_joined(text: &str, option: &str) -> bool {
    text.strip_prefix(option).is_some_and(|r| r.starts_with('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(args: &[&str]) -> Vec<String> {
        let args = args.iter().map(OsString::from).collect();
        normalize(args).into_iter().map(|a| a.into_string().unwrap_or_default()).collect()
    }

    #[test]
    fn file_shorthand_keeps_program_arguments_apart() {
        assert_eq!(
            norm(&["phicode", "app.φ", "--debug", "x"]),
            ["phicode", "run", "--", "app.φ", "--debug", "x"]
        );
        assert_eq!(
            norm(&["phicode", "--debug", "app.φ"]),
            ["phicode", "run", "--debug", "--", "app.φ"]
        );
        assert_eq!(
            norm(&["phicode", "--python", "/usr/bin/python3", "app.φ", "-v"]),
            ["phicode", "run", "--python", "/usr/bin/python3", "--", "app.φ", "-v"]
        );
    }

    #[test]
    fn modules_and_explicit_run() {
        assert_eq!(
            norm(&["phicode", "-m", "pkg", "-x"]),
            ["phicode", "run", "-m", "pkg", "--", "-x"]
        );
        assert_eq!(norm(&["phicode", "-mpkg"]), ["phicode", "run", "-m", "pkg", "--"]);
        assert_eq!(norm(&["phicode", "run"]), ["phicode", "run", "--"]);
        assert_eq!(
            norm(&["phicode", "run", "--pypy", "a.φ", "b"]),
            ["phicode", "run", "--pypy", "--", "a.φ", "b"]
        );
    }

    #[test]
    fn pythons_flags_go_before_the_program_as_python3_reads_them() {
        assert_eq!(
            norm(&["phicode", "-OO", "-X", "dev", "-Wignore", "app.φ", "-O"]),
            [
                "phicode",
                "run",
                "--python-flag=-OO",
                "--python-flag=-X",
                "--python-flag=dev",
                "--python-flag=-Wignore",
                "--",
                "app.φ",
                "-O"
            ]
        );
        assert_eq!(
            norm(&["phicode", "run", "-B", "--level", "restricted", "a.φ"]),
            ["phicode", "run", "--python-flag=-B", "--level", "restricted", "--", "a.φ"]
        );
    }

    #[test]
    fn code_and_stdin_are_programs() {
        assert_eq!(
            norm(&["phicode", "-u", "-c", "π(1)", "-x"]),
            ["phicode", "run", "--python-flag=-u", "-c", "π(1)", "--", "-x"]
        );
        assert_eq!(norm(&["phicode", "-cπ(1)"]), ["phicode", "run", "-c", "π(1)", "--"]);
        assert_eq!(norm(&["phicode", "-", "a"]), ["phicode", "run", "--", "-", "a"]);
        assert_eq!(norm(&["phicode", "-Z", "a.φ"]), ["phicode", "-Z", "a.φ"]);
    }

    #[test]
    fn other_commands_and_help_are_left_alone() {
        for args in [
            &["phicode", "convert", "a.φ"][..],
            &["phicode", "--help"],
            &["phicode", "-V"],
            &["phicode"],
        ] {
            assert_eq!(norm(args), args);
        }
    }
}
