# Lotse: textele interfeței în limba română.
# Fiecare mesaj trebuie să existe în toate cele douăsprezece limbi, cu aceleași
# variabile ca în fișierul german. Numele comenzilor (/help) și ale
# variabilelor rămân netraduse.

## Bun venit și ajutor

start-greeting = Bine ați venit la Lotse!
start-about = Găsesc pentru dumneavoastră oferte, publicații și contacte ale rețelei de informare și consiliere pentru administrațiile publice (Kompetenzzentrum Pro Qualifizierung, rețeaua IQ).
start-how = Scrieți-mi pur și simplu ce căutați, în limba dumneavoastră. De exemplu:
example-recognition = echivalarea diplomei
example-contact = numărul de telefon al persoanei de contact
example-training = formare interculturală
start-categories = Sau alegeți o categorie:

help-title = Cum vă ajută Lotse
help-search = Scrieți o întrebare sau câteva cuvinte-cheie. Vă arăt intrările potrivite; cu „Detalii” vedeți tot despre o intrare.
help-commands = Comenzi:
help-examples = Exemple de întrebări:

## Comenzi (pentru meniu și /help)

command-start = Bun venit și prezentare generală
command-language = Alegeți limba
command-help = Ajutor și exemple
command-offers = Ofertele rețelei
command-publications = Publicații
command-contacts = Contacte
command-about = Despre rețea și centrul de competență

## Limbă

language-choose = Vă rog să alegeți limba.
language-set = De acum înainte vă voi răspunde în limba română.
language-detected = Ați scris în română, așa că vă răspund în română.
button-switch-language = Răspunde mereu în română

## Categorii și tipuri de intrări

category-offers = Oferte
category-publications = Publicații
category-contacts = Contacte
category-about = Despre noi
kind-offer = Ofertă
kind-publication = Publicație
kind-contact = Contact
kind-organisation = Organizație
kind-link = Link
browse-title = { $category }: { $count ->
    [one] o intrare
    [few] { $count } intrări
   *[other] { $count } de intrări
}

## Căutare

results-title = { $count ->
    [one] Am găsit o intrare:
    [few] Am găsit { $count } intrări:
   *[other] Am găsit { $count } de intrări:
}
results-page = Pagina { $page } din { $pages }
button-details = Detalii
button-more = Mai multe rezultate
button-previous = Pagina anterioară
button-menu = Meniu
feedback-question = V-a fost de folos acest răspuns?
feedback-thanks = Vă mulțumesc pentru părerea dumneavoastră!
no-results = Din păcate, nu am găsit nimic despre asta.
no-results-try = Încercați cu alte cuvinte sau răsfoiți categoriile.
no-results-contact = Vă puteți adresa și direct rețelei:
no-results-portal = Portalul oficial pe această temă:
results-related = Aceste intrări ar putea avea legătură cu întrebarea dumneavoastră:

## Detaliile unei intrări

detail-german-only = Această parte este disponibilă doar în limba germană.
detail-series = Serie
detail-issue = Număr
detail-year = An
detail-publisher = Editor
detail-place = Loc
detail-date = Dată
detail-target-groups = Pentru
detail-person = Persoană de contact
detail-role = Funcție
detail-organisation = Organizație
detail-address = Adresă
detail-phone = Telefon
detail-fax = Fax
detail-email = E-mail
detail-website = Site web
detail-link = Link
detail-contact = Persoană de contact
detail-related = Vezi și
button-save-contact = Salvați ca contact
button-open-website = Deschideți site-ul

## Ce nu se potrivește

unknown-command = Nu cunosc această comandă. Cu /help vedeți ce pot face.
text-only = Pot citi doar text. Vă rog să îmi trimiteți întrebarea ca mesaj.
stale-button = Acest buton nu mai este actual. Vă rog să întrebați pur și simplu încă o dată.
not-your-button = Acest buton aparține cererii altei persoane. Puneți propria întrebare și veți primi propriile butoane.
empty-query = Scrieți-mi ce căutați, de exemplu „echivalare” sau „contact”.
rate-limited = Tocmai mi-ați trimis foarte multe mesaje. Voi răspunde la următoarele după o scurtă pauză; vă rog să trimiteți atunci întrebarea din nou.
answer-failed = Îmi pare rău, ceva nu a mers bine cu acest răspuns. Vă rog să încercați din nou peste puțin timp.

## Chat în terminal

chat-choose = Tastați numărul unui buton pentru a-l apăsa.
chat-bye = La revedere!
chat-no-button = { $count ->
    [0] Aici nu există butonul { $number }. Vă rog să scrieți întrebarea în cuvinte.
   *[other] Aici nu există butonul { $number }. Tastați un număr de la 1 la { $count } sau scrieți întrebarea în cuvinte.
}
chat-see-above = Opțiunile de mai sus sunt încă valabile: tastați unul dintre numerele lor.

## Protecția datelor și ștergerea

command-privacy = Ce stochează Lotse
command-forget = Ștergeți-mi datele
privacy-title = Protecția datelor la Lotse
privacy-what = Lotse stochează limba pe care ați ales-o și ce căutați: textul căutării, numărul de rezultate și evaluările dumneavoastră cu 👍 sau 👎.
privacy-who = ID-ul dumneavoastră de Telegram nu este stocat niciodată în clar, ci doar ca pseudonim, din care nu poate fi recuperat. În grupuri, Lotse stochează doar mesajele adresate lui Lotse.
privacy-why = Astfel, persoanele care se ocupă de Lotse văd ce caută oamenii și ce lipsește încă.
privacy-how-long = { $days ->
    [one] Totul se șterge după o zi.
    [few] Totul se șterge după { $days } zile.
   *[other] Totul se șterge după { $days } de zile.
}
privacy-forget = Cu /forget ștergeți imediat tot ce a stocat Lotse despre dumneavoastră.
forget-confirm = Doriți ca Lotse să șteargă acum limba, căutările și evaluările dumneavoastră?
button-forget-yes = Da, ștergeți tot
button-forget-no = Anulați
forget-done = Gata: Lotse a șters tot ce stocase despre dumneavoastră.
forget-cancelled = În regulă, nu s-a șters nimic.
forget-failed = Lotse nu a putut șterge datele dumneavoastră acum. Continuă să încerce singur și le va șterge imediat ce va fi posibil. Pentru siguranță, trimiteți din nou /forget mai târziu.

## Pentru administratoare și administratori

admin-stats = { $days ->
    [one] Ultima zi – căutări: { $queries }, dintre care fără rezultate: { $zero }; evaluări: { $feedback }.
    [few] Ultimele { $days } zile – căutări: { $queries }, dintre care fără rezultate: { $zero }; evaluări: { $feedback }.
   *[other] Ultimele { $days } de zile – căutări: { $queries }, dintre care fără rezultate: { $zero }; evaluări: { $feedback }.
}
admin-top-gaps = Cele mai frecvente căutări fără rezultate:
admin-reload-done = Baza de cunoștințe a fost reîncărcată. Număr de intrări: { $entries }.
admin-reload-failed = Baza de cunoștințe conține erori și nu a fost reîncărcată; versiunea anterioară rămâne activă. Erori: { $errors }
admin-reload-refused = Baza de cunoștințe nu a fost reîncărcată: dosarul ar mai conține doar { $after } intrări în loc de { $before }; versiunea anterioară rămâne activă. Dacă acest lucru este intenționat, trimiteți /reload force.

## Pagina web

web-title = Lotse – ghidul dumneavoastră pentru oferte, publicații și contacte
web-question = Întrebarea dumneavoastră
web-ask = Întreabă
web-languages = Limba
web-skip = Salt la conținut
web-answer = Răspuns
web-privacy = Protecția datelor
web-forget = Șterge datele mele
web-not-found = Această pagină nu există. Scrieți pur și simplu întrebarea în câmpul de căutare de mai sus.
web-too-long = Întrebarea dumneavoastră este prea lungă. Vă rugăm să o formulați în câteva propoziții.
web-case = Conversația dumneavoastră cu consilierii
web-message = Mesajul dumneavoastră către consilieri
web-send = Trimite
web-message-empty = Vă rugăm să scrieți mai întâi un mesaj.
admin-title = Lotse: administrare
admin-token = Token de administrator
admin-login = Autentificare
admin-needs-token = Această pagină este pentru cei care se ocupă de Lotse. Vă rugăm să vă autentificați cu tokenul de administrator.
admin-wrong-token = Acest token nu este corect.
admin-disabled = Pagina de administrare este dezactivată, deoarece nu este configurat niciun token de administrator (LOTSE_ADMIN_TOKEN).
admin-coverage = Traducerile bazei de cunoștințe
admin-coverage-language = Limba
admin-coverage-complete = Intrări complete
admin-reload = Reîncărcare
admin-reload-last = Ultima reîncărcare: { $when }
admin-reload-never = Baza de cunoștințe nu a fost reîncărcată de la pornire.
admin-reload-button = Reîncarcă acum baza de cunoștințe
admin-reload-force = Încarcă și dacă ar dispărea mai mult de jumătate din intrări
report-title = Lotse: ce au întrebat oamenii, ultimele { $period }
report-summary = { $queries } căutări, { $zero } fără rezultate ({ $share } %), { $ratings } evaluări. Timp de răspuns p50 { $p50 } µs, p90 { $p90 } µs, p99 { $p99 } µs.
report-per-day = Căutări pe zi, după limbă
report-per-day-max = { $max } pe zi
report-share = Ponderea căutărilor fără rezultate
report-share-label = { $share } % fără rezultate
report-gaps = Cele mai frecvente căutări fără rezultate: ce lipsește din cunoștințe
report-no-queries = Nu au existat căutări în această perioadă.
report-no-gaps = Fiecare căutare a găsit ceva.
report-per-lang = Căutări după limbă
report-top = Cele mai frecvente căutări
report-feedback = Evaluări pe intrare
report-col-language = Limbă
report-col-queries = Căutări
report-col-query = Căutare
report-col-count = Număr
report-col-entry = Intrare

## The handover to a counsellor (/counsellor)
command-counsellor = Vorbiți cu un consilier al rețelei
button-counsellor = 💬 Vorbiți cu un consilier
handover-private-only = Puteți vorbi cu un consilier doar într-o conversație privată cu Lotse. Scrieți-mi acolo /counsellor.
handover-unavailable = Consilierii nu pot fi contactați acum. Vă rugăm să încercați mai târziu sau să vă adresați direct rețelei (/contacts).
handover-consent-title = Vorbiți cu un consilier
handover-consent-shared = Dacă sunteți de acord, echipa de consiliere a rețelei vede întrebarea dumneavoastră, limba, căutările din această conversație și tot ce trimiteți cât timp cazul este deschis (inclusiv fotografii și documente). Nu vede numele și nici identificatorul dumneavoastră Telegram, decât dacă scrieți singur(ă) date de contact.
handover-consent-shared-web = Dacă sunteți de acord, consilierii rețelei văd întrebarea dumneavoastră, limba, căutările din această vizită și tot ce scrieți cât timp cazul este deschis. Nu văd cine sunteți, decât dacă scrieți singur(ă) date de contact.
handover-consent-kept = Lotse păstrează despre cazul dumneavoastră doar numere și ore, fără texte, și îl șterge la { $days } zile după închidere; cu /forget imediat, inclusiv în conversația echipei.
handover-consent-emergency = Acesta nu este un serviciu de urgență. În caz de urgență sunați la 112 (ambulanță, pompieri) sau 110 (poliție).
button-consent-yes = ✅ Da, vreau să vorbesc cu un consilier
button-consent-no = Nu, mulțumesc
handover-declined = În regulă, nu s-a transmis nimic.
handover-opened = Cazul dumneavoastră nr. { $case } este deschis. Scrieți aici întrebarea: tot ce trimiteți acum ajunge la echipa de consiliere, inclusiv fotografii și documente. Comenzile ca /help funcționează în continuare.
handover-opened-web = Cazul dumneavoastră nr. { $case } este deschis. Scrieți întrebarea mai jos, în câmpul pentru consilieri. Răspunsurile apar pe această pagină; site-ul nu poate transmite fotografii sau fișiere.
handover-status = Cazul dumneavoastră nr. { $case } este deschis.
handover-routing-counsellor = Mesajele dumneavoastră ajung la echipa de consiliere.
handover-routing-search = Acum Lotse caută mesajele dumneavoastră; răspunsurile echipei ajung în continuare aici.
button-write-counsellor = 💬 Scrieți consilierului
button-search-instead = 🔎 Întrebați mai bine Lotse
button-end-case = ✖ Închideți cazul
handover-received = Mulțumim, mesajul dumneavoastră a ajuns la echipa de consiliere.
handover-expect-open = Echipa este acum la lucru și răspunde de obicei în { $hours } ore.
handover-expect-closed = Echipa nu lucrează acum. Veți primi un răspuns începând de { $day }, ora { $opens }:00 (program { $opens }:00–{ $closes }:00, ora Germaniei).
handover-expect-later = Echipa va răspunde imediat ce revine la lucru.
weekday-1 = luni
weekday-2 = marți
weekday-3 = miercuri
weekday-4 = joi
weekday-5 = vineri
weekday-6 = sâmbătă
weekday-7 = duminică
handover-no-case = Nu aveți acum niciun caz deschis. /counsellor deschide unul.
handover-closed = Cazul dumneavoastră nr. { $case } este închis. Mulțumim! La mesaje răspunde din nou Lotse; /counsellor deschide un caz nou.
handover-from-counsellor = 💬 Răspunsul unui consilier (cazul nr. { $case }):
handover-not-delivered = Mesajul dumneavoastră nu a putut fi transmis acum echipei de consiliere. Vă rugăm să-l trimiteți din nou mai târziu.
handover-web-file = Consilierul a trimis un fișier (o fotografie sau un document) pe care doar Telegram îl poate afișa. Rugați-l să îl scrie aici ca text.
handover-consent-web-kept = Pe site, răspunsurile consilierilor pentru dumneavoastră sunt păstrate criptat, ca pagina dumneavoastră să le poată afișa, și sunt șterse odată cu cazul.
privacy-handover = Dacă acceptați cu /counsellor să vorbiți cu un consilier, echipa vede întrebarea, limba, căutările și ce trimiteți în caz. Lotse păstrează pentru aceasta doar pseudonimul dumneavoastră, numere și ore, iar identificatorul conversației doar criptat și doar cât timp cazul este deschis. Cazurile închise se șterg după { $days } zile, cu /forget imediat, inclusiv în conversația echipei.
privacy-handover-web = Pe site, Lotse păstrează criptat răspunsurile consilierilor pentru dumneavoastră, ca pagina dumneavoastră să le poată afișa; ele sunt șterse odată cu cazul. Acesta este singurul text de mesaj pe care îl păstrează Lotse.

## For the staff chat (always shown in German)
staff-no-category = General
staff-card-title = Cazul nr. { $case }
staff-topic-again = Subiectul acestui caz fusese șters și a fost creat din nou.
staff-card-lang = Limba
staff-card-question = Întrebarea
staff-card-no-question = încă niciuna; urmează mesajele persoanei
staff-card-searches = Căutările din această conversație și intrările afișate:
staff-card-nothing-shown = nu s-a găsit nimic
staff-card-how = Răspundeți pur și simplu în acest subiect: mesajul ajunge la persoană. /note … rămâne intern, /close închide cazul, /cases arată toate cazurile deschise.
staff-lang = { $code ->
    [de] germană
    [en] engleză
    [ar] arabă
    [fa] persană
    [ps] paștună
    [tr] turcă
    [kmr] kurdă (kurmanji)
    [ru] rusă
    [uk] ucraineană
    [pl] poloneză
    [ro] română
    [fr] franceză
   *[other] { $code }
} ({ $code })
staff-closed-by-user = Persoana a închis cazul.
staff-user-unreachable = Persoana nu mai poate fi contactată (a blocat Lotse). Cazul este închis; ultimul răspuns nu a fost livrat.
staff-not-delivered = Acest caz este închis: mesajul nu a fost livrat.
staff-already-closed = Acest caz este deja închis.
staff-card-door = Canal
staff-door = { $door ->
    [web] Site web
   *[other] Telegram
}
staff-web-visitor = Mesaj prin site:
staff-web-text-only = Această persoană scrie prin site și vede acolo doar text: Lotse nu îi poate arăta fotografii sau fișiere. Vă rugăm să scrieți ce este important ca text.
staff-cases-title = { $count ->
    [0] Niciun caz deschis.
   *[other] Cazuri deschise: { $count }
}
staff-case-open = deschis de { $age }
staff-unanswered = așteaptă răspuns de { $age }
staff-age-minutes = { $minutes } min
staff-age-hours = { $hours } h
