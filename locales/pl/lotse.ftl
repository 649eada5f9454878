# Lotse: teksty interfejsu po polsku.
# Każda wiadomość musi istnieć we wszystkich dwunastu językach, z tymi samymi
# zmiennymi co w pliku niemieckim. Nazwy poleceń (/help) i zmiennych
# pozostają nieprzetłumaczone.

## Powitanie i pomoc

start-greeting = Witamy w Lotse!
start-about = Pomagam znaleźć oferty, publikacje i kontakty sieci informacyjno-doradczej dla administracji publicznej (Kompetenzzentrum Pro Qualifizierung, sieć IQ).
start-how = Wystarczy napisać w swoim języku, czego dotyczy pytanie. Na przykład:
example-recognition = uznanie dyplomu
example-contact = numer telefonu osoby kontaktowej
example-training = szkolenie międzykulturowe
start-categories = Można też wybrać kategorię:

help-title = Jak pomaga Lotse
help-search = Proszę wpisać pytanie lub kilka słów kluczowych. Pokażę pasujące wpisy; przycisk „Szczegóły” pokazuje wszystkie informacje o danym wpisie.
help-commands = Polecenia:
help-examples = Przykładowe pytania:

## Polecenia (do menu i /help)

command-start = Powitanie i przegląd
command-language = Wybór języka
command-help = Pomoc i przykłady
command-offers = Oferty sieci
command-publications = Publikacje
command-contacts = Kontakty
command-about = O sieci i centrum kompetencji

## Język

language-choose = Proszę wybrać język.
language-set = Od teraz będę odpowiadać po polsku.
language-detected = Wiadomość jest po polsku, więc odpowiadam po polsku.
button-switch-language = Zawsze odpowiadaj po polsku

## Kategorie i rodzaje wpisów

category-offers = Oferty
category-publications = Publikacje
category-contacts = Kontakty
category-about = O nas
kind-offer = Oferta
kind-publication = Publikacja
kind-contact = Kontakt
kind-organisation = Organizacja
kind-link = Link
browse-title = { $category }: { $count ->
    [one] jeden wpis
    [few] { $count } wpisy
    [many] { $count } wpisów
   *[other] { $count } wpisu
}

## Wyszukiwanie

results-title = { $count ->
    [one] Znaleziono jeden wpis:
    [few] Znaleziono { $count } wpisy:
    [many] Znaleziono { $count } wpisów:
   *[other] Znaleziono { $count } wpisu:
}
results-page = Strona { $page } z { $pages }
button-details = Szczegóły
button-more = Więcej wyników
button-previous = Poprzednia strona
button-menu = Menu
feedback-question = Czy ta odpowiedź była pomocna?
feedback-thanks = Dziękuję za opinię!
no-results = Niestety nie udało mi się nic na ten temat znaleźć.
no-results-try = Proszę spróbować innych słów albo przejrzeć kategorie.
no-results-contact = Można też skontaktować się bezpośrednio z siecią:
no-results-portal = Oficjalny portal na ten temat:
results-related = Te wpisy mogą być powiązane z pytaniem:

## Szczegóły wpisu

detail-german-only = Ta część jest dostępna tylko po niemiecku.
detail-series = Seria
detail-issue = Numer
detail-year = Rok
detail-publisher = Wydawca
detail-place = Miejsce
detail-date = Data
detail-target-groups = Dla kogo
detail-person = Osoba kontaktowa
detail-role = Funkcja
detail-organisation = Organizacja
detail-address = Adres
detail-phone = Telefon
detail-fax = Faks
detail-email = E-mail
detail-website = Strona internetowa
detail-link = Link
detail-contact = Osoba kontaktowa
detail-related = Zobacz też
button-save-contact = Zapisz jako kontakt
button-open-website = Otwórz stronę internetową

## Gdy coś nie pasuje

unknown-command = Nie znam tego polecenia. Po wpisaniu /help widać, co potrafię.
text-only = Potrafię czytać tylko tekst. Proszę przesłać pytanie jako wiadomość tekstową.
stale-button = Ten przycisk jest już nieaktualny. Proszę po prostu zapytać jeszcze raz.
not-your-button = Ten przycisk należy do zapytania innej osoby. Proszę zadać własne pytanie, wtedy pojawią się własne przyciski.
empty-query = Proszę napisać, czego dotyczy pytanie, na przykład „uznanie” albo „kontakt”.
rate-limited = W krótkim czasie dotarło do mnie bardzo wiele wiadomości. Na kolejne odpowiem po krótkiej przerwie; proszę wtedy wysłać pytanie jeszcze raz.
answer-failed = Przepraszam, przy tej odpowiedzi coś poszło nie tak. Proszę spróbować ponownie za chwilę.

## Czat w terminalu

chat-choose = Proszę wpisać numer przycisku, aby go nacisnąć.
chat-bye = Do widzenia!
chat-no-button = { $count ->
    [0] Nie ma tu przycisku { $number }. Proszę wpisać pytanie słowami.
   *[other] Nie ma tu przycisku { $number }. Proszę wpisać numer od 1 do { $count } albo pytanie słowami.
}
chat-see-above = Powyższe opcje są nadal aktualne: proszę wpisać jeden z ich numerów.

## Ochrona danych i usuwanie

command-privacy = Co zapisuje Lotse
command-forget = Usuń moje dane
privacy-title = Ochrona danych w Lotse
privacy-what = Lotse zapisuje wybrany język oraz wyszukiwania: wpisany tekst, liczbę wyników i oceny 👍 lub 👎.
privacy-who = Identyfikator konta w Telegramie nigdy nie jest zapisywany w postaci jawnej, tylko jako pseudonim, z którego nie da się go odtworzyć. W grupach Lotse zapisuje tylko wiadomości skierowane do Lotse.
privacy-why = Dzięki temu osoby opiekujące się Lotse widzą, czego ludzie szukają i czego jeszcze brakuje.
privacy-how-long = { $days ->
    [one] Wszystko jest usuwane po jednym dniu.
    [few] Wszystko jest usuwane po { $days } dniach.
    [many] Wszystko jest usuwane po { $days } dniach.
   *[other] Wszystko jest usuwane po { $days } dnia.
}
privacy-forget = Poleceniem /forget można od razu usunąć wszystkie swoje dane zapisane przez Lotse.
forget-confirm = Czy Lotse ma teraz usunąć zapisany język, wyszukiwania i oceny?
button-forget-yes = Tak, usuń wszystko
button-forget-no = Anuluj
forget-done = Gotowe: Lotse usunął wszystko, co zapisał.
forget-cancelled = Dobrze, nic nie zostało usunięte.
forget-failed = Lotse nie mógł teraz usunąć danych. Będzie sam próbował dalej i usunie je, gdy tylko będzie to możliwe. Dla pewności proszę później wysłać jeszcze raz /forget.

## Dla administratorek i administratorów

admin-stats = { $days ->
    [one] Ostatni dzień – wyszukiwania: { $queries }, w tym bez wyników: { $zero }; oceny: { $feedback }.
    [few] Ostatnie { $days } dni – wyszukiwania: { $queries }, w tym bez wyników: { $zero }; oceny: { $feedback }.
    [many] Ostatnie { $days } dni – wyszukiwania: { $queries }, w tym bez wyników: { $zero }; oceny: { $feedback }.
   *[other] Ostatnie { $days } dnia – wyszukiwania: { $queries }, w tym bez wyników: { $zero }; oceny: { $feedback }.
}
admin-top-gaps = Najczęstsze wyszukiwania bez wyników:
admin-reload-done = Baza wiedzy została ponownie wczytana. Liczba wpisów: { $entries }.
admin-reload-failed = Baza wiedzy zawiera błędy i nie została ponownie wczytana; nadal działa dotychczasowa wersja. Błędy: { $errors }
admin-reload-refused = Baza wiedzy nie została ponownie wczytana: folder zawierałby tylko { $after } wpisów zamiast { $before }; nadal działa dotychczasowa wersja. Jeśli tak ma być, proszę wysłać /reload force.

## Strona internetowa

web-title = Lotse – przewodnik po ofertach, publikacjach i kontaktach
web-question = Twoje pytanie
web-ask = Zapytaj
web-languages = Język
web-skip = Przejdź do treści
web-answer = Odpowiedź
web-privacy = Ochrona danych
web-forget = Usuń moje dane
web-not-found = Ta strona nie istnieje. Wpisz po prostu swoje pytanie w polu wyszukiwania powyżej.
web-too-long = Twoje pytanie jest za długie. Ujmij je, proszę, w kilku zdaniach.
web-case = Twoja rozmowa z doradcami
web-message = Twoja wiadomość do doradców
web-send = Wyślij
web-message-empty = Najpierw napisz wiadomość.
admin-title = Lotse: administracja
admin-token = Token administratora
admin-login = Zaloguj się
admin-needs-token = Ta strona jest dla osób, które opiekują się Lotse. Zaloguj się, proszę, tokenem administratora.
admin-wrong-token = Ten token jest nieprawidłowy.
admin-disabled = Strona administracji jest wyłączona, ponieważ nie ustawiono tokenu administratora (LOTSE_ADMIN_TOKEN).
admin-coverage = Tłumaczenia bazy wiedzy
admin-coverage-language = Język
admin-coverage-complete = Kompletne wpisy
admin-reload = Ponowne wczytanie
admin-reload-last = Ostatnio wczytano ponownie: { $when }
admin-reload-never = Od uruchomienia baza wiedzy nie była wczytywana ponownie.
admin-reload-button = Wczytaj bazę wiedzy teraz
admin-reload-force = Wczytaj nawet wtedy, gdy zniknie ponad połowa wpisów
report-title = Lotse: o co pytano, ostatnie { $period }
report-summary = Zapytań: { $queries }, bez wyników: { $zero } ({ $share } %), ocen: { $ratings }. Czas odpowiedzi p50 { $p50 } µs, p90 { $p90 } µs, p99 { $p99 } µs.
report-per-day = Zapytania dziennie według języka
report-per-day-max = { $max } dziennie
report-share = Udział zapytań bez wyników
report-share-label = { $share } % bez wyników
report-gaps = Najczęstsze zapytania bez wyników: czego brakuje w bazie wiedzy
report-no-queries = W tym okresie nie było zapytań.
report-no-gaps = Każde zapytanie coś znalazło.
report-per-lang = Zapytania według języka
report-top = Najczęstsze zapytania
report-feedback = Oceny według wpisów
report-col-language = Język
report-col-queries = Zapytania
report-col-query = Zapytanie
report-col-count = Liczba
report-col-entry = Wpis

## The handover to a counsellor (/counsellor)
command-counsellor = Rozmowa z doradcą sieci
button-counsellor = 💬 Porozmawiaj z doradcą
handover-private-only = Rozmowa z doradcą jest możliwa tylko na prywatnym czacie z Lotse. Napisz mi tam /counsellor.
handover-unavailable = Doradcy są teraz nieosiągalni. Spróbuj ponownie później albo skontaktuj się bezpośrednio z siecią (/contacts).
handover-consent-title = Rozmowa z doradcą
handover-consent-shared = Jeśli się zgodzisz, zespół doradców sieci zobaczy Twoje pytanie, Twój język, Twoje wyszukiwania w tej rozmowie i wszystko, co wyślesz, dopóki sprawa jest otwarta (także zdjęcia i dokumenty). Nie zobaczy Twojego imienia ani identyfikatora Telegram, chyba że sam podasz dane kontaktowe.
handover-consent-shared-web = Jeśli się zgodzisz, doradcy sieci zobaczą Twoje pytanie, Twój język, Twoje wyszukiwania podczas tej wizyty i wszystko, co napiszesz, dopóki sprawa jest otwarta. Nie zobaczą, kim jesteś, chyba że sam(a) podasz dane kontaktowe.
handover-consent-kept = Sam Lotse przechowuje o Twojej sprawie tylko numery i godziny, bez tekstów, i usuwa ją po { $days } dniach od zamknięcia; przez /forget od razu, także na czacie doradców.
handover-consent-emergency = To nie jest numer alarmowy. W nagłym wypadku dzwoń pod 112 (pogotowie, straż pożarna) lub 110 (policja).
button-consent-yes = ✅ Tak, połącz mnie z doradcą
button-consent-no = Nie, dziękuję
handover-declined = Dobrze, niczego nie przekazano.
handover-opened = Twoja sprawa nr { $case } jest otwarta. Napisz tutaj swoje pytanie: wszystko, co teraz wyślesz, trafi do zespołu doradców, także zdjęcia i dokumenty. Polecenia takie jak /help nadal działają.
handover-opened-web = Twoja sprawa nr { $case } jest otwarta. Napisz swoje pytanie poniżej, w polu dla doradców. Odpowiedzi pojawią się na tej stronie; strona nie może przekazywać zdjęć ani plików.
handover-status = Twoja sprawa nr { $case } jest otwarta.
handover-routing-counsellor = Twoje wiadomości trafiają do zespołu doradców.
handover-routing-search = Twoje wiadomości wyszukuje teraz Lotse; odpowiedzi doradców nadal docierają tutaj.
button-write-counsellor = 💬 Napisz do doradcy
button-search-instead = 🔎 Zapytaj raczej Lotse
button-end-case = ✖ Zakończ sprawę
handover-received = Dziękujemy, Twoja wiadomość dotarła do zespołu doradców.
handover-expect-open = Zespół jest teraz w pracy i zwykle odpowiada w ciągu { $hours } godz.
handover-expect-closed = Zespół nie pracuje w tej chwili. Odpowiedź dostaniesz od: { $day }, { $opens }:00 (godziny pracy { $opens }:00–{ $closes }:00 czasu niemieckiego).
handover-expect-later = Zespół odpowie, gdy tylko wróci do pracy.
weekday-1 = poniedziałek
weekday-2 = wtorek
weekday-3 = środa
weekday-4 = czwartek
weekday-5 = piątek
weekday-6 = sobota
weekday-7 = niedziela
handover-no-case = Nie masz teraz otwartej sprawy. /counsellor otwiera nową.
handover-closed = Twoja sprawa nr { $case } jest zamknięta. Dziękujemy! Na Twoje wiadomości znów odpowiada Lotse; /counsellor otwiera nową sprawę.
handover-from-counsellor = 💬 Odpowiedź doradcy (sprawa nr { $case }):
handover-not-delivered = Nie udało się teraz przekazać Twojej wiadomości doradcom. Wyślij ją ponownie później.
handover-web-file = Doradca wysłał plik (zdjęcie lub dokument), który może pokazać tylko Telegram. Poproś, aby napisał to tutaj jako tekst.
handover-consent-web-kept = Na stronie internetowej odpowiedzi doradców dla Ciebie są przechowywane w postaci zaszyfrowanej, aby Twoja strona mogła je pokazać, i usuwane razem ze sprawą.
privacy-handover = Jeśli przez /counsellor zgodzisz się na rozmowę z doradcą, zespół zobaczy Twoje pytanie, Twój język, Twoje wyszukiwania i to, co wyślesz w sprawie. Lotse przechowuje do tego tylko Twój pseudonim, numery i godziny, a identyfikator czatu tylko zaszyfrowany i tylko dopóki sprawa jest otwarta. Zamknięte sprawy są usuwane po { $days } dniach, przez /forget od razu, także na czacie doradców.
privacy-handover-web = Na stronie internetowej Lotse przechowuje odpowiedzi doradców dla Ciebie w postaci zaszyfrowanej, aby Twoja strona mogła je pokazać; są usuwane razem ze sprawą. To jedyny tekst wiadomości, który przechowuje Lotse.

## For the staff chat (always shown in German)
staff-no-category = Ogólne
staff-card-title = Sprawa nr { $case }
staff-topic-again = Wątek tej sprawy został usunięty i utworzony na nowo.
staff-card-lang = Język
staff-card-question = Pytanie
staff-card-no-question = jeszcze brak; wiadomości tej osoby nadejdą
staff-card-searches = Wyszukiwania w tej rozmowie i pokazane wpisy:
staff-card-nothing-shown = nic nie znaleziono
staff-card-how = Po prostu odpowiedz w tym wątku: wiadomość trafi do tej osoby. /note … zostaje wewnętrzne, /close zamyka sprawę, /cases pokazuje wszystkie otwarte sprawy.
staff-lang = { $code ->
    [de] niemiecki
    [en] angielski
    [ar] arabski
    [fa] perski
    [ps] paszto
    [tr] turecki
    [kmr] kurdyjski (kurmandżi)
    [ru] rosyjski
    [uk] ukraiński
    [pl] polski
    [ro] rumuński
    [fr] francuski
   *[other] { $code }
} ({ $code })
staff-closed-by-user = Osoba zakończyła sprawę.
staff-user-unreachable = Osoba jest już nieosiągalna (zablokowała Lotse). Sprawa jest zamknięta; ostatnia odpowiedź nie została doręczona.
staff-not-delivered = Ta sprawa jest zamknięta: wiadomość nie została doręczona.
staff-already-closed = Ta sprawa jest już zamknięta.
staff-card-door = Kanał
staff-door = { $door ->
    [web] Strona internetowa
   *[other] Telegram
}
staff-web-visitor = Wiadomość przez stronę internetową:
staff-web-text-only = Ta osoba pisze przez stronę internetową i widzi tam tylko tekst: Lotse nie może pokazać jej zdjęć ani plików. Proszę napisać to, co ważne, jako tekst.
staff-cases-title = { $count ->
    [0] Brak otwartych spraw.
   *[other] Otwarte sprawy: { $count }
}
staff-case-open = otwarta od { $age }
staff-unanswered = czeka na odpowiedź od { $age }
staff-age-minutes = { $minutes } min
staff-age-hours = { $hours } godz.
