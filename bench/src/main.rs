//! `phicode-bench`: writes generated inputs (`gen`) and prints the throughput table (`table`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use phicode_bench::inputs::Inputs;
use phicode_bench::operation::Operation;
use phicode_bench::size::parse_size;
use phicode_bench::table::{self, Config};
use phicode_bench::{generate, report};
use phicode_core::{SymbolTable, to_python};

#[derive(Parser)]
#[command(version, about = "Throughput of the φ ⇄ Python transpiler on generated sources")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a generated φ source (or its Python twin).
    Gen {
        /// Size of the φ source: 10KB, 1MB, 10MB, 512KiB...
        #[arg(long, value_parser = parse_size)]
        size: usize,
        /// Generator seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write the Python twin (`to_python` of the φ source) instead.
        #[arg(long)]
        python: bool,
        /// Output file (stdout when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Perform one operation many times on one input (for perf or callgrind).
    Run {
        /// What to perform.
        #[arg(long, value_enum)]
        operation: Operation,
        /// Size of the φ input.
        #[arg(long, value_parser = parse_size, default_value = "1MB")]
        size: usize,
        /// Times to perform it.
        #[arg(long, default_value_t = 10)]
        iterations: usize,
        /// Generator seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print the throughput table (median of N runs, one thread).
    Table {
        /// φ input sizes, comma-separated.
        #[arg(long, value_delimiter = ',', value_parser = parse_size, default_value = "10KB,1MB,10MB")]
        sizes: Vec<usize>,
        /// Runs per median.
        #[arg(long, default_value_t = 11)]
        runs: usize,
        /// Minimum milliseconds per run (short inputs are repeated to reach it).
        #[arg(long, default_value_t = 20)]
        min_run_ms: u64,
        /// Generator seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print JSON rows instead of the text table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("phicode-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Gen { size, seed, python, output } => {
            let mut text = generate(size, seed);
            if python {
                text = to_python(&text, &SymbolTable::new());
            }
            match output {
                Some(path) => std::fs::write(&path, text)
                    .map_err(|e| format!("cannot write {}: {e}", path.display())),
                None => {
                    print!("{text}");
                    Ok(())
                }
            }
        }
        Command::Run { operation, size, iterations, seed } => {
            let mut inputs = Inputs::new(size, seed).map_err(|e| e.to_string())?;
            for _ in 0..iterations {
                inputs.perform(operation);
            }
            Ok(())
        }
        Command::Table { sizes, runs, min_run_ms, seed, json } => {
            let config = Config { sizes, seed, runs, min_run: Duration::from_millis(min_run_ms) };
            let rows = table::run(&config).map_err(|e| e.to_string())?;
            if json {
                let text = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
                println!("{text}");
            } else {
                println!(
                    "median of {runs} runs (each ≥ {min_run_ms} ms), one thread, seed {seed}; MB = 10⁶ bytes"
                );
                print!("{}", report::render(&rows));
            }
            Ok(())
        }
    }
}
