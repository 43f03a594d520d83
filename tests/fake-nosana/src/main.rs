use std::io::Write;
use std::process::ExitCode;

use fake_nosana::{build_app, serve, Options};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> ExitCode {
    let opts = match Options::parse(std::env::args().skip(1)) {
        Ok(opts) => opts,
        Err(message) => {
            eprintln!("{message}\n{}", fake_nosana::cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind((opts.host.as_str(), opts.port)).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("cannot listen on {}:{}: {e}", opts.host, opts.port);
            return ExitCode::from(1);
        }
    };
    let addr = match listener.local_addr() {
        Ok(addr) => addr,
        Err(e) => {
            eprintln!("cannot read the bound address: {e}");
            return ExitCode::from(1);
        }
    };
    let app = build_app(&opts);
    // Handlers go in before the line is printed: a test may send SIGTERM as
    // soon as it reads it.
    let shutdown = shutdown_signal();
    // Tests wait for this exact line, so it goes out at once.
    println!("listening on http://{addr}");
    let _ = std::io::stdout().flush();

    tokio::select! {
        result = serve(listener, app) => {
            if let Err(e) = result {
                eprintln!("server error: {e}");
                return ExitCode::from(1);
            }
        }
        _ = shutdown => {}
    }
    ExitCode::SUCCESS
}

/// Resolves on SIGTERM or SIGINT. Registered when called, not when awaited.
#[cfg(unix)]
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    use tokio::signal::unix::{signal, SignalKind};
    let term = signal(SignalKind::terminate());
    let interrupt = signal(SignalKind::interrupt());
    async move {
        match (term, interrupt) {
            (Ok(mut term), Ok(mut interrupt)) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = interrupt.recv() => {}
                }
            }
            // Without handlers the default action (exit) applies anyway.
            _ => std::future::pending().await,
        }
    }
}

#[cfg(not(unix))]
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}
