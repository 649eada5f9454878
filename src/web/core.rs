//! The one place where the web door talks to the conversation core.
//!
//! Every page that needs an answer comes through [`converse`]: a visitor's
//! pseudonym, the page's language and what they did go in as an event, the
//! messages of the core's effects come out, and a contact card as the
//! message's `contact` (a web page offers it as a vCard download). The
//! steps of a case go to the staff chat through the bot's [`StaffDesk`]
//! where the door runs beside the bot; [`case`] is what a visitor's page
//! shows of their case.

use super::Settings;
use crate::assistant::{Actor, CaseThread, Channel, Effect, Event, Input, Message, Reach, Role, UserKey};
use crate::lang::Lang;

/// Asks the core and returns the messages its effects send or edit. The
/// page's language is what a Telegram client would report as its own. A
/// web visitor is never an admin here: `/admin` has its own token. Where
/// a case's step cannot be carried out, what the visitor is told instead
/// ends the messages.
pub(super) async fn converse(settings: &Settings, user: UserKey, lang: Lang, input: Input) -> Vec<Message> {
    let reach = reach_of(&user);
    let event = Event {
        actor: Actor { user, role: Role::User },
        channel: Channel::Web,
        client_lang: Some(lang),
        input,
    };
    let mut messages: Vec<Message> = Vec::new();
    for effect in settings.assistant.handle_from(event, Some(reach)).await {
        match effect {
            Effect::Send(message) | Effect::Edit(message) => messages.push(message),
            // The core sends the card after the message that offered it.
            Effect::Contact(card) => match messages.last_mut() {
                Some(message) => message.contact = Some(card),
                None => messages.push(Message {
                    contact: Some(card),
                    ..Message::default()
                }),
            },
            Effect::Case(step) => {
                let Some(desk) = &settings.staff else {
                    log::error!("web: a case step without a staff chat; it is left");
                    continue;
                };
                if let Err(told) = desk.carry(&step).await {
                    messages.extend(told);
                    break;
                }
            }
            Effect::Inline(_) | Effect::NotifyAdmin { .. } | Effect::NotifyStaff(_) => {}
        }
    }
    messages
}

/// The visitor's latest case as their page shows it (only an open one
/// where `only_open`); `None` without one, or where the door opens none.
pub(super) async fn case(settings: &Settings, user: &UserKey, lang: Lang, only_open: bool) -> Option<CaseThread> {
    settings.staff.as_ref()?;
    settings.assistant.web_case(user, lang, only_open).await
}

/// How the core reaches a web visitor again: through their session's
/// pseudonym, under which the counsellors' replies are kept for their
/// page.
fn reach_of(user: &UserKey) -> Reach {
    Reach(format!("web:{}", user.as_str()))
}
