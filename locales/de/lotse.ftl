# Lotse: die Texte der Oberfläche auf Deutsch (die kanonische Sprache).
# Jede Nachricht muss es in allen zwölf Sprachen geben, mit denselben
# Variablen wie hier. Namen von Befehlen (/help) und Variablen bleiben
# unübersetzt.

## Begrüßung und Hilfe

start-greeting = Willkommen bei Lotse!
start-about = Ich finde für Sie Angebote, Veröffentlichungen und Kontakte des Informations- und Beratungsnetzwerks Öffentliche Verwaltungen (Kompetenzzentrum Pro Qualifizierung, Netzwerk IQ).
start-how = Schreiben Sie mir einfach, was Sie suchen, in Ihrer Sprache. Zum Beispiel:
example-recognition = Anerkennung ausländischer Abschlüsse
example-contact = Telefonnummer der Ansprechpartnerin
example-training = interkulturelle Weiterbildung
start-categories = Oder wählen Sie eine Kategorie:

help-title = So hilft Ihnen Lotse
help-search = Schreiben Sie eine Frage oder ein paar Stichwörter. Ich zeige Ihnen die passenden Einträge; mit „Details“ sehen Sie alles zu einem Eintrag.
help-commands = Befehle:
help-examples = Beispiele für Fragen:

## Befehle (für das Menü und /help)

command-start = Begrüßung und Überblick
command-language = Sprache wählen
command-help = Hilfe und Beispiele
command-offers = Angebote des Netzwerks
command-publications = Veröffentlichungen
command-contacts = Kontakte
command-about = Über das Netzwerk und das Kompetenzzentrum

## Sprache

language-choose = Bitte wählen Sie Ihre Sprache.
language-set = Ich antworte Ihnen ab jetzt auf Deutsch.
language-detected = Sie haben auf Deutsch geschrieben, darum antworte ich auf Deutsch.
button-switch-language = Immer auf Deutsch antworten

## Kategorien und Arten von Einträgen

category-offers = Angebote
category-publications = Veröffentlichungen
category-contacts = Kontakte
category-about = Über uns
kind-offer = Angebot
kind-publication = Veröffentlichung
kind-contact = Kontakt
kind-organisation = Organisation
kind-link = Link
browse-title = { $category }: { $count ->
    [one] ein Eintrag
   *[other] { $count } Einträge
}

## Suche

results-title = { $count ->
    [one] Ich habe einen Eintrag gefunden:
   *[other] Ich habe { $count } Einträge gefunden:
}
results-page = Seite { $page } von { $pages }
button-details = Details
button-more = Weitere Ergebnisse
button-previous = Vorherige Seite
button-menu = Menü
feedback-question = War diese Antwort hilfreich?
feedback-thanks = Danke für Ihre Rückmeldung!
no-results = Dazu habe ich leider nichts gefunden.
no-results-try = Versuchen Sie es mit anderen Wörtern, oder stöbern Sie in den Kategorien.
no-results-contact = Sie können sich auch direkt an das Netzwerk wenden:
no-results-portal = Das offizielle Portal zu diesem Thema:
results-related = Diese Einträge könnten damit zu tun haben:

## Details eines Eintrags

detail-german-only = Dieser Teil liegt nur auf Deutsch vor.
detail-series = Reihe
detail-issue = Heft
detail-year = Jahr
detail-publisher = Herausgeber
detail-place = Ort
detail-date = Datum
detail-target-groups = Für
detail-person = Ansprechperson
detail-role = Funktion
detail-organisation = Organisation
detail-address = Adresse
detail-phone = Telefon
detail-fax = Fax
detail-email = E-Mail
detail-website = Website
detail-link = Link
detail-contact = Ansprechperson
detail-related = Siehe auch
button-save-contact = Als Kontakt speichern
button-open-website = Website öffnen

## Was nicht passt

unknown-command = Diesen Befehl kenne ich nicht. Mit /help sehen Sie, was ich kann.
text-only = Ich kann nur Text lesen. Bitte schreiben Sie mir Ihre Frage als Nachricht.
stale-button = Diese Schaltfläche ist nicht mehr aktuell. Bitte fragen Sie einfach noch einmal.
not-your-button = Diese Schaltfläche gehört zur Anfrage einer anderen Person. Stellen Sie Ihre eigene Frage, dann bekommen Sie eigene Schaltflächen.
empty-query = Schreiben Sie mir, was Sie suchen, zum Beispiel „Anerkennung“ oder „Kontakt“.
rate-limited = Sie haben mir gerade sehr viele Nachrichten geschickt. Ich beantworte die weiteren erst nach einer kurzen Pause; bitte schicken Sie Ihre Frage dann noch einmal.
answer-failed = Entschuldigung, bei dieser Antwort ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.

## Terminal-Chat

chat-choose = Tippen Sie die Nummer einer Schaltfläche, um sie zu drücken.
chat-bye = Auf Wiedersehen!
chat-no-button = { $count ->
    [0] Hier gibt es keine Schaltfläche { $number }. Schreiben Sie Ihre Frage bitte in Worten.
   *[other] Hier gibt es keine Schaltfläche { $number }. Tippen Sie eine Nummer von 1 bis { $count }, oder schreiben Sie Ihre Frage in Worten.
}
chat-see-above = Die Auswahl oben gilt weiterhin: Tippen Sie eine ihrer Nummern.

## Datenschutz und Löschen

command-privacy = Was Lotse speichert
command-forget = Meine Daten löschen
privacy-title = Datenschutz bei Lotse
privacy-what = Lotse speichert Ihre gewählte Sprache und, was Sie suchen: den Suchtext, die Zahl der Treffer und Ihre Bewertungen mit 👍 oder 👎.
privacy-who = Ihre Telegram-Kennung wird nie im Klartext gespeichert, sondern nur als Pseudonym, aus dem sie sich nicht zurückgewinnen lässt. In Gruppen speichert Lotse nur Nachrichten, die an Lotse gerichtet sind.
privacy-why = Die Betreuerinnen und Betreuer sehen so, wonach Menschen suchen und was noch fehlt.
privacy-how-long = { $days ->
    [one] Alle Einträge werden nach einem Tag gelöscht.
   *[other] Alle Einträge werden nach { $days } Tagen gelöscht.
}
privacy-forget = Mit /forget löschen Sie sofort alles, was Lotse über Sie gespeichert hat.
forget-confirm = Soll Lotse Ihre Sprache, Ihre Suchen und Ihre Bewertungen jetzt löschen?
button-forget-yes = Ja, alles löschen
button-forget-no = Abbrechen
forget-done = Erledigt: Lotse hat alles gelöscht, was es über Sie gespeichert hatte.
forget-cancelled = In Ordnung, es wurde nichts gelöscht.
forget-failed = Lotse konnte Ihre Daten gerade nicht löschen. Es versucht es von selbst weiter und löscht sie, sobald es wieder geht. Wenn Sie sichergehen möchten, senden Sie später noch einmal /forget.

## Für Administratorinnen und Administratoren

admin-stats = { $days ->
    [one] Letzter Tag: { $queries } Suchen, davon { $zero } ohne Treffer; { $feedback } Bewertungen.
   *[other] Letzte { $days } Tage: { $queries } Suchen, davon { $zero } ohne Treffer; { $feedback } Bewertungen.
}
admin-top-gaps = Häufigste Suchen ohne Treffer:
admin-reload-done = Das Wissen wurde neu geladen: { $entries } Einträge.
admin-reload-failed = Das Wissen hat Fehler und wurde nicht neu geladen; die bisherige Fassung bleibt aktiv. Fehler: { $errors }
admin-reload-refused = Das Wissen wurde nicht neu geladen: Der Ordner hätte nur noch { $after } statt { $before } Einträge; die bisherige Fassung bleibt aktiv. Wenn das gewollt ist, senden Sie /reload force.

## Die Webseite

web-title = Lotse – Wegweiser zu Angeboten, Veröffentlichungen und Kontakten
web-question = Ihre Frage
web-ask = Fragen
web-languages = Sprache
web-skip = Zum Inhalt springen
web-answer = Antwort
web-privacy = Datenschutz
web-forget = Meine Daten löschen
web-not-found = Diese Seite gibt es nicht. Stellen Sie Ihre Frage einfach im Suchfeld oben.
web-too-long = Ihre Frage ist zu lang. Bitte fassen Sie sie in wenigen Sätzen.
web-case = Ihr Gespräch mit dem Beratungsteam
web-message = Ihre Nachricht an das Beratungsteam
web-send = Senden
web-message-empty = Bitte schreiben Sie zuerst eine Nachricht.
admin-title = Lotse: Verwaltung
admin-token = Admin-Token
admin-login = Anmelden
admin-needs-token = Diese Seite ist für die Betreuerinnen und Betreuer von Lotse. Bitte melden Sie sich mit dem Admin-Token an.
admin-wrong-token = Dieser Token ist nicht richtig.
admin-disabled = Die Verwaltungsseite ist abgeschaltet, weil kein Admin-Token (LOTSE_ADMIN_TOKEN) eingerichtet ist.
admin-coverage = Übersetzungen des Wissens
admin-coverage-language = Sprache
admin-coverage-complete = Vollständige Einträge
admin-reload = Neu laden
admin-reload-last = Zuletzt neu geladen: { $when }
admin-reload-never = Seit dem Start wurde das Wissen nicht neu geladen.
admin-reload-button = Wissen jetzt neu laden
admin-reload-force = Auch dann laden, wenn dabei mehr als die Hälfte der Einträge wegfällt
report-title = Lotse: was gefragt wurde, letzte { $period }
report-summary = { $queries } Anfragen, { $zero } ohne Ergebnis ({ $share } %), { $ratings } Bewertungen. Antwortzeit p50 { $p50 } µs, p90 { $p90 } µs, p99 { $p99 } µs.
report-per-day = Anfragen pro Tag nach Sprache
report-per-day-max = { $max } pro Tag
report-share = Anteil der Anfragen ohne Ergebnis
report-share-label = { $share } % ohne Ergebnis
report-gaps = Häufigste Anfragen ohne Ergebnis: was dem Wissen fehlt
report-no-queries = In diesem Zeitraum gab es keine Anfragen.
report-no-gaps = Jede Anfrage hat etwas gefunden.
report-per-lang = Anfragen pro Sprache
report-top = Häufigste Anfragen
report-feedback = Bewertungen pro Eintrag
report-col-language = Sprache
report-col-queries = Anfragen
report-col-query = Anfrage
report-col-count = Anzahl
report-col-entry = Eintrag

## The handover to a counsellor (/counsellor)
command-counsellor = Persönliche Beratung durch das Netzwerk
button-counsellor = 💬 Persönliche Beratung
handover-private-only = Eine persönliche Beratung gibt es nur im privaten Chat mit Lotse. Schreiben Sie mir dort /counsellor.
handover-unavailable = Die Beratung ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal oder wenden Sie sich direkt an das Netzwerk (/contacts).
handover-consent-title = Persönliche Beratung
handover-consent-shared = Wenn Sie zustimmen, sieht das Beratungsteam des Netzwerks Ihre Frage, Ihre Sprache, Ihre Suchen in diesem Gespräch und alles, was Sie senden, solange der Fall offen ist (auch Fotos und Dokumente). Ihren Namen und Ihre Telegram-Kennung sieht es nicht, außer Sie schreiben selbst Kontaktdaten.
handover-consent-shared-web = Wenn Sie zustimmen, sieht das Beratungsteam des Netzwerks Ihre Frage, Ihre Sprache, Ihre Suchen bei diesem Besuch und alles, was Sie schreiben, solange der Fall offen ist. Wer Sie sind, sieht es nicht, außer Sie schreiben selbst Kontaktdaten.
handover-consent-kept = { $days ->
    [one] Lotse selbst speichert zu Ihrem Fall nur Nummern und Zeiten, keine Texte, und löscht ihn einen Tag nach dem Abschluss; mit /forget sofort, auch im Chat des Beratungsteams.
   *[other] Lotse selbst speichert zu Ihrem Fall nur Nummern und Zeiten, keine Texte, und löscht ihn { $days } Tage nach dem Abschluss; mit /forget sofort, auch im Chat des Beratungsteams.
}
handover-consent-emergency = Dies ist kein Notruf. Im Notfall rufen Sie 112 (Rettungsdienst, Feuerwehr) oder 110 (Polizei) an.
button-consent-yes = ✅ Ja, mit der Beratung verbinden
button-consent-no = Nein, danke
handover-declined = In Ordnung, es wurde nichts weitergegeben.
handover-opened = Ihr Fall #{ $case } ist eröffnet. Schreiben Sie hier Ihre Frage: Alles, was Sie jetzt senden, geht an das Beratungsteam, auch Fotos und Dokumente. Befehle wie /help funktionieren weiter.
handover-opened-web = Ihr Fall #{ $case } ist eröffnet. Schreiben Sie Ihre Frage unten in das Feld für das Beratungsteam. Die Antworten erscheinen auf dieser Seite; Fotos und Dateien kann die Webseite nicht übertragen.
handover-status = Ihr Fall #{ $case } ist offen.
handover-routing-counsellor = Ihre Nachrichten gehen an das Beratungsteam.
handover-routing-search = Ihre Nachrichten sucht jetzt Lotse; die Antworten des Beratungsteams bekommen Sie weiter hier.
button-write-counsellor = 💬 An die Beratung schreiben
button-search-instead = 🔎 Stattdessen Lotse fragen
button-end-case = ✖ Fall beenden
handover-received = Danke, Ihre Nachricht ist beim Beratungsteam angekommen.
handover-expect-open = { $hours ->
    [one] Das Team ist gerade im Dienst und antwortet meist innerhalb einer Stunde.
   *[other] Das Team ist gerade im Dienst und antwortet meist innerhalb von { $hours } Stunden.
}
handover-expect-closed = Das Team ist gerade nicht im Dienst. Eine Antwort bekommen Sie ab { $day }, { $opens } Uhr (Sprechzeiten { $opens } bis { $closes } Uhr, deutsche Zeit).
handover-expect-later = Das Team antwortet, sobald es wieder im Dienst ist.
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag
handover-no-case = Sie haben gerade keinen offenen Fall. Mit /counsellor eröffnen Sie einen.
handover-closed = Ihr Fall #{ $case } ist abgeschlossen. Danke! Ihre Nachrichten beantwortet jetzt wieder Lotse; mit /counsellor eröffnen Sie einen neuen Fall.
handover-from-counsellor = 💬 Antwort aus der Beratung (Fall #{ $case }):
handover-not-delivered = Ihre Nachricht konnte gerade nicht an das Beratungsteam weitergegeben werden. Bitte senden Sie sie später noch einmal.
handover-web-file = Die Beraterin oder der Berater hat eine Datei geschickt (ein Foto oder Dokument), die nur Telegram zeigen kann. Bitten Sie darum, es hier als Text zu schreiben.
handover-consent-web-kept = Auf der Webseite werden die Antworten des Beratungsteams an Sie verschlüsselt gespeichert, damit Ihre Seite sie zeigen kann, und mit dem Fall gelöscht.
privacy-handover = { $days ->
    [one] Wenn Sie mit /counsellor einer persönlichen Beratung zustimmen, sieht das Beratungsteam Ihre Frage, Ihre Sprache, Ihre Suchen und was Sie im Fall senden. Lotse speichert dazu nur Ihr Pseudonym, Nummern und Zeiten, Ihre Chat-Kennung nur verschlüsselt und nur, solange der Fall offen ist. Abgeschlossene Fälle werden nach einem Tag gelöscht, mit /forget sofort, auch im Chat des Beratungsteams.
   *[other] Wenn Sie mit /counsellor einer persönlichen Beratung zustimmen, sieht das Beratungsteam Ihre Frage, Ihre Sprache, Ihre Suchen und was Sie im Fall senden. Lotse speichert dazu nur Ihr Pseudonym, Nummern und Zeiten, Ihre Chat-Kennung nur verschlüsselt und nur, solange der Fall offen ist. Abgeschlossene Fälle werden nach { $days } Tagen gelöscht, mit /forget sofort, auch im Chat des Beratungsteams.
}
privacy-handover-web = Auf der Webseite speichert Lotse die Antworten des Beratungsteams an Sie verschlüsselt, damit Ihre Seite sie zeigen kann; sie werden mit dem Fall gelöscht. Das ist der einzige Nachrichtentext, den Lotse speichert.

## For the staff chat (always shown in German)
staff-no-category = Allgemein
staff-card-title = Fall #{ $case }
staff-topic-again = Das Thema dieses Falls war gelöscht und wurde neu angelegt.
staff-card-lang = Sprache
staff-card-question = Frage
staff-card-no-question = noch keine; die Nachrichten der Person folgen
staff-card-searches = Suchen in diesem Gespräch und die gezeigten Einträge:
staff-card-nothing-shown = nichts gefunden
staff-card-how = Antworten Sie einfach in diesem Thema: Ihre Nachricht geht an die Person. /note … bleibt intern, /close schließt den Fall, /cases zeigt alle offenen Fälle.
staff-lang = { $code ->
    [de] Deutsch
    [en] Englisch
    [ar] Arabisch
    [fa] Persisch
    [ps] Paschtu
    [tr] Türkisch
    [kmr] Kurdisch (Kurmandschi)
    [ru] Russisch
    [uk] Ukrainisch
    [pl] Polnisch
    [ro] Rumänisch
    [fr] Französisch
   *[other] { $code }
} ({ $code })
staff-closed-by-user = Die Person hat den Fall beendet.
staff-user-unreachable = Die Person ist nicht mehr erreichbar (sie hat Lotse blockiert). Der Fall ist geschlossen; die letzte Antwort wurde nicht zugestellt.
staff-not-delivered = Dieser Fall ist geschlossen: Die Nachricht wurde nicht zugestellt.
staff-already-closed = Dieser Fall ist schon geschlossen.
staff-card-door = Kanal
staff-door = { $door ->
    [web] Webseite
   *[other] Telegram
}
staff-web-visitor = Nachricht über die Webseite:
staff-web-text-only = Diese Person schreibt über die Webseite und sieht dort nur Text: Fotos und Dateien kann Lotse ihr nicht zeigen. Bitte schreiben Sie das Wichtige als Text.
staff-cases-title = { $count ->
    [0] Keine offenen Fälle.
    [one] Ein offener Fall:
   *[other] { $count } offene Fälle:
}
staff-case-open = offen seit { $age }
staff-unanswered = wartet seit { $age } auf Antwort
staff-age-minutes = { $minutes } Min.
staff-age-hours = { $hours } Std.
