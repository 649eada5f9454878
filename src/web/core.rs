//! The one place where the web door talks to the conversation core.
//!
//! Every page that needs an answer comes through [`converse`]: a visitor's
//! pseudonym, the page's language and what they did go in as an event, the
//! messages of the core's effects come out.

use crate::assistant::{Actor, Assistant, Channel, Effect, Event, Input, Message, Role, UserKey};
use crate::lang::Lang;

/// Asks the core and returns the messages its effects send or edit. The
/// page's language is what a Telegram client would report as its own. A
/// web visitor is never an admin here: `/admin` has its own token.
pub(super) async fn converse(assistant: &Assistant, user: UserKey, lang: Lang, input: Input) -> Vec<Message> {
    let event = Event {
        actor: Actor { user, role: Role::User },
        channel: Channel::Web,
        client_lang: Some(lang),
        input,
    };
    let effects = assistant.handle(event).await;
    effects
        .into_iter()
        .filter_map(|effect| match effect {
            Effect::Send(message) | Effect::Edit(message) => Some(message),
            _ => None,
        })
        .collect()
}
