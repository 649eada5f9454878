//! The one place where the web door talks to the conversation core.
//!
//! Every page that needs an answer comes through [`converse`]: a visitor's
//! pseudonym, the page's language and what they did go in, the core's
//! messages come out. When the core's interface changes (an event in,
//! effects out), this file is what changes with it.

use crate::assistant::{Assistant, Channel, Input, Message, Request, UserKey};
use crate::lang::Lang;

/// Asks the core on a blocking thread (a search is CPU work, a `/forget`
/// waits for the database) and returns the messages of its reply. The
/// page's language is what a Telegram client would report as its own.
pub(super) async fn converse(
    assistant: &std::sync::Arc<Assistant>,
    user: UserKey,
    lang: Lang,
    input: Input,
) -> Vec<Message> {
    let assistant = assistant.clone();
    let request = Request {
        user,
        channel: Channel::Web,
        client_lang: Some(lang),
        input,
    };
    let reply = tokio::task::spawn_blocking(move || assistant.handle(&request)).await;
    match reply {
        Ok(reply) => reply.messages().to_vec(),
        // The core never fails; a panic in it is logged by the runtime and
        // shown as the kind apology.
        Err(_) => Vec::new(),
    }
}
