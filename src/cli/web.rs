//! `lotse web`: the web door on its own, without a Telegram token.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use super::{KnowledgeArgs, StoreArgs, UsageError};
use crate::assistant::Assistant;
use crate::config::Config;
use crate::reload;
use crate::store::Store;
use crate::web::{Limits, Settings, Web};

/// Serve Lotse as a web page (and /admin with LOTSE_ADMIN_TOKEN), on the
/// shipped knowledge and the embedded SQLite by default.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The local address to listen on, e.g. 127.0.0.1:8080
    #[arg(long, value_name = "ADDR")]
    listen: SocketAddr,
    #[command(flatten)]
    limits: LimitArgs,
    /// The configuration file (see examples/lotse.toml)
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    knowledge: KnowledgeArgs,
    #[command(flatten)]
    store: StoreArgs,
}

/// How many pages one client may ask for; shared with `lotse serve`.
#[derive(Debug, Clone, clap::Args)]
pub(super) struct LimitArgs {
    /// Pages a client may load at once
    #[arg(long, value_name = "N", default_value_t = 30)]
    web_burst: u32,
    /// Pages a minute a client may keep loading after a burst
    #[arg(long, value_name = "N", default_value_t = 60)]
    web_per_minute: u32,
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load_or_default(args.config.as_deref())?;
    let knowledge = KnowledgeArgs {
        knowledge: args.knowledge.knowledge.clone().or(config.knowledge.clone()),
        index_dir: args.knowledge.index_dir.clone().or(config.index_dir.clone()),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let (store, memory, pseudonyms, retention_days) = args.store.open_for_serving(&config, &runtime)?;
    let library = super::open_library(&knowledge)?;
    let assistant =
        Arc::new(Assistant::new(Arc::new(library), memory.clone()).with_journal(memory.clone(), retention_days));
    let web = web(
        &args.limits,
        assistant.clone(),
        pseudonyms,
        store.clone(),
        &knowledge,
        None,
    );
    // The assistant notes each reload for the admin page.
    let watched = reload::watch(assistant, knowledge.dir(), knowledge.location(), |_| {});
    if let Err(err) = watched {
        log::warn!("cannot watch the knowledge folder: {err}");
    }
    let served = runtime.block_on(async {
        let listener = bind(args.listen).await?;
        eprintln!("lotse web: listening on http://{}", listener.local_addr()?);
        crate::web::serve(listener, web, crate::signal::stop()).await?;
        store.close().await;
        anyhow::Ok(())
    });
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    memory.close();
    served?;
    Ok(ExitCode::SUCCESS)
}

/// The web door's settings, the admin token from `LOTSE_ADMIN_TOKEN`.
pub(super) fn web(
    limits: &LimitArgs,
    assistant: Arc<Assistant>,
    pseudonyms: crate::privacy::Pseudonyms,
    store: Store,
    knowledge: &KnowledgeArgs,
    staff: Option<Arc<dyn crate::assistant::StaffDesk>>,
) -> Web {
    let admin_token = std::env::var("LOTSE_ADMIN_TOKEN")
        .ok()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    Web::new(Settings {
        assistant,
        pseudonyms,
        admin_token,
        store,
        knowledge: knowledge.dir(),
        location: knowledge.location(),
        limits: Limits {
            user_burst: limits.web_burst,
            user_per_minute: limits.web_per_minute,
            ..Limits::default()
        },
        staff,
    })
}

/// Binds the address first, so a taken port is one clear line.
pub(super) async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, UsageError> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| UsageError(format!("cannot listen on {addr}: {e}")))
}
