//! `lotse chat`: the conversation in a terminal, or scripted through a pipe.

use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::sync::Arc;

use super::{KnowledgeArgs, StoreArgs, parse_lang};
use crate::assistant::Assistant;
use crate::reload;
use crate::terminal::TerminalChat;

/// Chat with Lotse in the terminal: buttons are numbered, typing a number
/// presses one. Reads one line per turn, also from a pipe.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Your language (de, en, ar, fa, ps, tr, kmr, ru, uk, pl, ro, fr), as
    /// a Telegram client would report it; /language changes it
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    #[command(flatten)]
    knowledge: KnowledgeArgs,
    #[command(flatten)]
    store: StoreArgs,
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let lang = parse_lang(args.lang.as_deref())?;
    let library = super::open_library(&args.knowledge)?;
    let (memory, pseudonyms, retention_days) = args.store.open(None)?;
    let assistant =
        Arc::new(Assistant::new(Arc::new(library), memory.clone()).with_journal(memory.clone(), retention_days));
    // Edits of the knowledge show up in the running chat; errors are logged.
    let watched = reload::watch(
        assistant.clone(),
        args.knowledge.dir(),
        args.knowledge.location(),
        |_| {},
    );
    if let Err(err) = watched {
        log::warn!("cannot watch the knowledge folder: {err}");
    }
    let interactive = io::stdin().is_terminal();
    let actor = assistant.actor(pseudonyms.user("chat", "terminal"));
    // Conversation state is read and written on this runtime.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let mut chat = TerminalChat::new(&assistant, lang, actor);
    runtime.block_on(chat.run(io::stdin().lock(), io::stdout().lock(), interactive))?;
    drop(runtime);
    memory.close();
    Ok(ExitCode::SUCCESS)
}
