//! The `lotse` binary: parses the command line and hands over to the library.
//!
//! Errors become exit codes here and nowhere else: 0 for success, 1 for a
//! failure (such as a knowledge folder with errors), 2 for a usage error.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = lotse::cli::Cli::parse();
    lotse::logging::init();
    match lotse::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // An error may quote a Bot API url, and with it the token.
            eprintln!("{}", lotse::logging::redact(&format!("error: {err:#}")));
            match err.downcast_ref::<lotse::cli::UsageError>() {
                Some(_) => ExitCode::from(2),
                None => ExitCode::FAILURE,
            }
        }
    }
}
