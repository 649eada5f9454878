# Lotse: the interface texts in English.
# Every message exists in all twelve languages, with the same variables as
# the German file. Command names (/help) and variables stay untranslated.

## Greeting and help

start-greeting = Welcome to Lotse!
start-about = I find offers, publications and contacts of the information and advice network for public administrations (Kompetenzzentrum Pro Qualifizierung, IQ network) for you.
start-how = Just write what you are looking for, in your own language. For example:
example-recognition = recognition of foreign qualifications
example-contact = phone number of the contact person
example-training = intercultural training
start-categories = Or choose a category:

help-title = How Lotse helps you
help-search = Write a question or a few keywords. I show you the matching entries; “Details” shows everything about an entry.
help-commands = Commands:
help-examples = Example questions:

## Commands (for the menu and /help)

command-start = Welcome and overview
command-language = Choose your language
command-help = Help and examples
command-offers = Offers of the network
command-publications = Publications
command-contacts = Contacts
command-about = About the network and the competence centre

## Language

language-choose = Please choose your language.
language-set = From now on I will answer you in English.
language-detected = You wrote in English, so I am answering in English.
button-switch-language = Always answer in English

## Categories and kinds of entries

category-offers = Offers
category-publications = Publications
category-contacts = Contacts
category-about = About us
kind-offer = Offer
kind-publication = Publication
kind-contact = Contact
kind-organisation = Organisation
kind-link = Link
browse-title = { $category }: { $count ->
    [one] one entry
   *[other] { $count } entries
}

## Search

results-title = { $count ->
    [one] I found one entry:
   *[other] I found { $count } entries:
}
results-page = Page { $page } of { $pages }
button-details = Details
button-more = More results
button-previous = Previous page
button-menu = Menu
feedback-question = Was this answer helpful?
feedback-thanks = Thank you for your feedback!
no-results = Sorry, I found nothing on that.
no-results-try = Try other words, or browse the categories.
no-results-contact = You can also contact the network directly:
no-results-portal = The official portal on this topic:
results-related = These entries may be related:

## Details of an entry

detail-german-only = This part is only available in German.
detail-series = Series
detail-issue = Issue
detail-year = Year
detail-publisher = Publisher
detail-place = Place
detail-date = Date
detail-target-groups = For
detail-person = Contact person
detail-role = Role
detail-organisation = Organisation
detail-address = Address
detail-phone = Phone
detail-fax = Fax
detail-email = E-mail
detail-website = Website
detail-link = Link
detail-contact = Contact person
detail-related = See also
button-save-contact = Save as contact
button-open-website = Open website

## What does not fit

unknown-command = I do not know this command. /help shows what I can do.
text-only = I can only read text. Please send me your question as a message.
stale-button = This button is no longer current. Please just ask again.
not-your-button = This button belongs to someone else's request. Ask your own question and you will get your own buttons.
empty-query = Write what you are looking for, for example “recognition” or “contact”.
rate-limited = You have just sent me a great many messages. I will answer more after a short pause; please send your question again then.
answer-failed = Sorry, something went wrong with this answer. Please try again in a moment.

## Terminal chat

chat-choose = Type the number of a button to press it.
chat-bye = Goodbye!
chat-no-button = { $count ->
    [0] There is no button { $number } here. Please type your question in words.
   *[other] There is no button { $number } here. Type a number from 1 to { $count }, or type your question in words.
}
chat-see-above = The choices above still apply: type one of their numbers.

## Privacy and deletion

command-privacy = What Lotse stores
command-forget = Delete my data
privacy-title = Privacy at Lotse
privacy-what = Lotse stores the language you chose and what you search for: the search text, the number of results and your ratings with 👍 or 👎.
privacy-who = Your Telegram ID is never stored in clear text, only as a pseudonym from which it cannot be recovered. In groups, Lotse only stores messages addressed to Lotse.
privacy-why = This shows the people who maintain Lotse what people look for and what is still missing.
privacy-how-long = { $days ->
    [one] Everything is deleted after one day.
   *[other] Everything is deleted after { $days } days.
}
privacy-forget = With /forget you delete everything Lotse has stored about you at once.
forget-confirm = Should Lotse delete your language, your searches and your ratings now?
button-forget-yes = Yes, delete everything
button-forget-no = Cancel
forget-done = Done: Lotse has deleted everything it had stored about you.
forget-cancelled = All right, nothing was deleted.
forget-failed = Lotse could not delete your data just now. It keeps trying on its own and deletes it as soon as it can. To be sure, send /forget again later.

## For administrators

admin-stats = { $days ->
    [one] Last day: { $queries } searches, { $zero } of them without results; { $feedback } ratings.
   *[other] Last { $days } days: { $queries } searches, { $zero } of them without results; { $feedback } ratings.
}
admin-top-gaps = Most frequent searches without results:
admin-reload-done = The knowledge was reloaded: { $entries } entries.
admin-reload-failed = The knowledge has errors and was not reloaded; the previous version stays active. Errors: { $errors }
admin-reload-refused = The knowledge was not reloaded: the folder would hold only { $after } instead of { $before } entries; the previous version stays active. If that is intended, send /reload force.

## The web page

web-title = Lotse – your guide to offers, publications and contacts
web-question = Your question
web-ask = Ask
web-languages = Language
web-skip = Skip to content
web-answer = Answer
web-privacy = Privacy
web-forget = Delete my data
web-not-found = This page does not exist. Just type your question into the search field above.
web-too-long = Your question is too long. Please put it in a few sentences.
web-case = Your conversation with the counsellors
web-message = Your message to the counsellors
web-send = Send
web-message-empty = Please write a message first.
admin-title = Lotse: administration
admin-token = Admin token
admin-login = Sign in
admin-needs-token = This page is for the people who look after Lotse. Please sign in with the admin token.
admin-wrong-token = This token is not correct.
admin-disabled = The administration page is switched off because no admin token (LOTSE_ADMIN_TOKEN) is set up.
admin-coverage = Translations of the knowledge
admin-coverage-language = Language
admin-coverage-complete = Complete entries
admin-reload = Reload
admin-reload-last = Last reloaded: { $when }
admin-reload-never = The knowledge has not been reloaded since the start.
admin-reload-button = Reload the knowledge now
admin-reload-force = Load even if more than half of the entries would disappear
report-title = Lotse: what people asked, last { $period }
report-summary = { $queries } queries, { $zero } without results ({ $share } %), { $ratings } ratings. Answer time p50 { $p50 } µs, p90 { $p90 } µs, p99 { $p99 } µs.
report-per-day = Queries per day by language
report-per-day-max = { $max } per day
report-share = Share of queries without results
report-share-label = { $share } % without results
report-gaps = Most frequent queries without results: what the knowledge lacks
report-no-queries = No queries in this period.
report-no-gaps = Every query found something.
report-per-lang = Queries per language
report-top = Top queries
report-feedback = Feedback per entry
report-col-language = Language
report-col-queries = Queries
report-col-query = Query
report-col-count = Count
report-col-entry = Entry

## The handover to a counsellor (/counsellor)
command-counsellor = Talk to a counsellor of the network
button-counsellor = 💬 Talk to a counsellor
handover-private-only = Talking to a counsellor works only in a private chat with Lotse. Write /counsellor to me there.
handover-unavailable = The counsellors cannot be reached right now. Please try again later, or contact the network directly (/contacts).
handover-consent-title = Talk to a counsellor
handover-consent-shared = If you agree, the network's counsellors see your question, your language, your searches in this conversation and everything you send while the case is open (photos and documents too). They do not see your name or your Telegram id, unless you write contact details yourself.
handover-consent-shared-web = If you agree, the network's counsellors see your question, your language, your searches during this visit and everything you write while the case is open. They do not see who you are, unless you write contact details yourself.
handover-consent-kept = { $days ->
    [one] Lotse itself keeps only numbers and times about your case, no texts, and deletes it one day after it is closed; with /forget at once, in the counsellors' chat too.
   *[other] Lotse itself keeps only numbers and times about your case, no texts, and deletes it { $days } days after it is closed; with /forget at once, in the counsellors' chat too.
}
handover-consent-emergency = This is not an emergency service. In an emergency, call 112 (ambulance, fire brigade) or 110 (police).
button-consent-yes = ✅ Yes, connect me with a counsellor
button-consent-no = No, thanks
handover-declined = All right, nothing was shared.
handover-opened = Your case #{ $case } is open. Write your question here: everything you send now goes to the counsellors, photos and documents too. Commands such as /help still work.
handover-opened-web = Your case #{ $case } is open. Write your question below, in the field for the counsellors. Their answers appear on this page; the website cannot pass on photos or files.
handover-status = Your case #{ $case } is open.
handover-routing-counsellor = Your messages go to the counsellors.
handover-routing-search = Lotse now searches your messages; the counsellors' answers still reach you here.
button-write-counsellor = 💬 Write to the counsellor
button-search-instead = 🔎 Ask Lotse instead
button-end-case = ✖ End the case
handover-received = Thank you, your message has reached the counsellors.
handover-expect-open = { $hours ->
    [one] The team is at work now and usually answers within an hour.
   *[other] The team is at work now and usually answers within { $hours } hours.
}
handover-expect-closed = The team is not at work right now. Expect an answer from { $day }, { $opens }:00 (office hours { $opens }:00 to { $closes }:00, German time).
handover-expect-later = The team will answer as soon as it is back at work.
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
handover-no-case = You have no open case right now. /counsellor opens one.
handover-closed = Your case #{ $case } is closed. Thank you! Lotse answers your messages again; /counsellor opens a new case.
handover-from-counsellor = 💬 A counsellor answers (case #{ $case }):
handover-not-delivered = Your message could not be passed on to the counsellors just now. Please send it again later.
handover-web-file = The counsellor sent a file (a photo or document) that only Telegram can show. Ask them to write it here as text.
handover-consent-web-kept = On the website, the counsellors' replies to you are stored encrypted so that your page can show them, and deleted with the case.
privacy-handover = { $days ->
    [one] If you agree to talk to a counsellor with /counsellor, the counsellors see your question, your language, your searches and what you send in the case. Lotse keeps only your pseudonym, numbers and times for it, and your chat id only encrypted and only while the case is open. Closed cases are deleted after one day, with /forget at once, in the counsellors' chat too.
   *[other] If you agree to talk to a counsellor with /counsellor, the counsellors see your question, your language, your searches and what you send in the case. Lotse keeps only your pseudonym, numbers and times for it, and your chat id only encrypted and only while the case is open. Closed cases are deleted after { $days } days, with /forget at once, in the counsellors' chat too.
}
privacy-handover-web = On the website, Lotse stores the counsellors' replies to you encrypted so that your page can show them; they are deleted with the case. This is the only message text Lotse stores.

## For the staff chat (always shown in German)
staff-no-category = General
staff-card-title = Case #{ $case }
staff-topic-again = This case's topic had been deleted and was opened again.
staff-card-lang = Language
staff-card-question = Question
staff-card-no-question = none yet; the person's messages follow
staff-card-searches = Searches in this conversation and the entries shown:
staff-card-nothing-shown = nothing found
staff-card-how = Simply answer in this topic: your message goes to the person. /note … stays internal, /close closes the case, /cases lists all open cases.
staff-lang = { $code ->
    [de] German
    [en] English
    [ar] Arabic
    [fa] Persian
    [ps] Pashto
    [tr] Turkish
    [kmr] Kurdish (Kurmanji)
    [ru] Russian
    [uk] Ukrainian
    [pl] Polish
    [ro] Romanian
    [fr] French
   *[other] { $code }
} ({ $code })
staff-closed-by-user = The person has ended the case.
staff-user-unreachable = The person can no longer be reached (they blocked Lotse). The case is closed; the last answer was not delivered.
staff-not-delivered = This case is closed: the message was not delivered.
staff-already-closed = This case is already closed.
staff-card-door = Channel
staff-door = { $door ->
    [web] Website
   *[other] Telegram
}
staff-web-visitor = Message via the website:
staff-web-text-only = This person writes through the website and sees only text there: Lotse cannot show them photos or files. Please write what matters as text.
staff-cases-title = { $count ->
    [0] No open cases.
    [one] One open case:
   *[other] { $count } open cases:
}
staff-case-open = open for { $age }
staff-unanswered = waiting for an answer for { $age }
staff-age-minutes = { $minutes } min
staff-age-hours = { $hours } h
