//! The signal that stops a server: SIGTERM (systemd, a container) or
//! Ctrl-C, for every door that serves until it is told to stop.

/// Resolves on SIGTERM or Ctrl-C.
pub async fn stop() {
    tokio::select! {
        stopped = wait_for_sigterm() => if !stopped { std::future::pending::<()>().await },
        _ = tokio::signal::ctrl_c() => {}
    }
}

/// Resolves when SIGTERM arrives; `false` where it cannot be awaited.
async fn wait_for_sigterm() -> bool {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => term.recv().await.is_some(),
            Err(_) => false,
        }
    }
    #[cfg(not(unix))]
    {
        std::future::pending::<bool>().await
    }
}
