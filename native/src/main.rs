//! The `phicode` command: everything lives in the library; this only hands over the exit code.

fn main() -> std::process::ExitCode {
    phicode::run_cli(std::env::args_os())
}
