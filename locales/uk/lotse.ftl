# Lotse: тексти інтерфейсу українською мовою.
# Кожне повідомлення є всіма дванадцятьма мовами, з тими самими змінними,
# що й у німецькому файлі. Назви команд (/help) і змінні не перекладаються.

## Привітання та допомога

start-greeting = Ласкаво просимо до Lotse!
start-about = Я знайду для Вас пропозиції, публікації та контакти Інформаційно-консультаційної мережі для органів публічного управління (Kompetenzzentrum Pro Qualifizierung, мережа IQ).
start-how = Просто напишіть мені своєю мовою, що Ви шукаєте. Наприклад:
example-recognition = підтвердження диплома
example-contact = номер телефону контактної особи
example-training = міжкультурне навчання
start-categories = Або виберіть категорію:

help-title = Чим Вам допоможе Lotse
help-search = Напишіть запитання або кілька ключових слів. Я покажу відповідні записи; кнопка «Детальніше» покаже все про один запис.
help-commands = Команди:
help-examples = Приклади запитань:

## Команди (для меню та /help)

command-start = Привітання та огляд
command-language = Вибрати мову
command-help = Допомога та приклади
command-offers = Пропозиції мережі
command-publications = Публікації
command-contacts = Контакти
command-about = Про мережу та центр компетенцій

## Мова

language-choose = Будь ласка, виберіть свою мову.
language-set = Відтепер я відповідатиму Вам українською мовою.
language-detected = Ви написали українською, тому я відповідаю українською.
button-switch-language = Завжди відповідати українською

## Категорії та типи записів

category-offers = Пропозиції
category-publications = Публікації
category-contacts = Контакти
category-about = Про нас
kind-offer = Пропозиція
kind-publication = Публікація
kind-contact = Контакт
kind-organisation = Організація
kind-link = Посилання
browse-title = { $category }: { $count ->
    [one] { $count } запис
    [few] { $count } записи
    [many] { $count } записів
   *[other] { $count } запису
}

## Пошук

results-title = { $count ->
    [one] Я знайшов { $count } запис:
    [few] Я знайшов { $count } записи:
    [many] Я знайшов { $count } записів:
   *[other] Я знайшов { $count } запису:
}
results-page = Сторінка { $page } з { $pages }
button-details = Детальніше
button-more = Більше результатів
button-previous = Попередня сторінка
button-menu = Меню
feedback-question = Чи була ця відповідь корисною?
feedback-thanks = Дякую за Ваш відгук!
no-results = На жаль, я нічого не знайшов за цим запитом.
no-results-try = Спробуйте інші слова або перегляньте категорії.
no-results-contact = Ви також можете звернутися безпосередньо до мережі:
no-results-portal = Офіційний портал на цю тему:
results-related = Можливо, це пов’язано з Вашим запитанням:

## Подробиці запису

detail-german-only = Ця частина доступна лише німецькою мовою.
detail-series = Серія
detail-issue = Випуск
detail-year = Рік
detail-publisher = Видавець
detail-place = Місце
detail-date = Дата
detail-target-groups = Для кого
detail-person = Контактна особа
detail-role = Посада
detail-organisation = Організація
detail-address = Адреса
detail-phone = Телефон
detail-fax = Факс
detail-email = Ел. пошта
detail-website = Вебсайт
detail-link = Посилання
detail-contact = Контактна особа
detail-related = Див. також
button-save-contact = Зберегти як контакт
button-open-website = Відкрити вебсайт

## Що не підходить

unknown-command = Я не знаю цієї команди. Що я вмію, Ви дізнаєтеся за командою /help.
text-only = Я можу читати лише текст. Будь ласка, напишіть мені своє запитання повідомленням.
stale-button = Ця кнопка вже неактуальна. Будь ласка, просто запитайте ще раз.
not-your-button = Ця кнопка належить до запиту іншої людини. Поставте своє запитання — і Ви отримаєте власні кнопки.
empty-query = Напишіть мені, що Ви шукаєте, наприклад «визнання» або «контакт».
rate-limited = Ви щойно надіслали мені дуже багато повідомлень. На наступні я відповім після короткої паузи; будь ласка, надішліть своє запитання ще раз трохи згодом.
answer-failed = Вибачте, з цією відповіддю щось пішло не так. Будь ласка, спробуйте ще раз за хвилину.

## Чат у терміналі

chat-choose = Введіть номер кнопки, щоб її натиснути.
chat-bye = До побачення!
chat-no-button = { $count ->
    [0] Кнопки { $number } тут немає. Будь ласка, напишіть своє запитання словами.
   *[other] Кнопки { $number } тут немає. Введіть номер від 1 до { $count } або напишіть своє запитання словами.
}
chat-see-above = Варіанти вище все ще діють: введіть один із їхніх номерів.

## Захист даних і видалення

command-privacy = Що зберігає Lotse
command-forget = Видалити мої дані
privacy-title = Захист даних у Lotse
privacy-what = Lotse зберігає вибрану Вами мову і те, що Ви шукаєте: текст запиту, кількість знайдених результатів і Ваші оцінки 👍 або 👎.
privacy-who = Ваш ідентифікатор Telegram ніколи не зберігається у відкритому вигляді, а лише як псевдонім, з якого його неможливо відновити. У групах Lotse зберігає лише повідомлення, адресовані Lotse.
privacy-why = Так ті, хто підтримує Lotse, бачать, що шукають люди і чого ще бракує.
privacy-how-long = { $days ->
    [one] Усі дані видаляються через { $days } день.
    [few] Усі дані видаляються через { $days } дні.
    [many] Усі дані видаляються через { $days } днів.
   *[other] Усі дані видаляються через { $days } дня.
}
privacy-forget = Командою /forget Ви одразу видалите все, що зберігається про Вас у Lotse.
forget-confirm = Видалити зараз із Lotse Вашу мову, Ваші пошукові запити та Ваші оцінки?
button-forget-yes = Так, видалити все
button-forget-no = Скасувати
forget-done = Готово: усе, що зберігалося про Вас у Lotse, видалено.
forget-cancelled = Гаразд, нічого не видалено.
forget-failed = Lotse не вдалося зараз видалити Ваші дані. Він і далі намагається сам і видалить їх, щойно це стане можливим. Щоб бути певними, надішліть /forget ще раз пізніше.

## Для адміністраторів

admin-stats = { $days ->
    [one] За останній { $days } день — пошукових запитів: { $queries }, з них без результатів: { $zero }; оцінок: { $feedback }.
    [few] За останні { $days } дні — пошукових запитів: { $queries }, з них без результатів: { $zero }; оцінок: { $feedback }.
    [many] За останні { $days } днів — пошукових запитів: { $queries }, з них без результатів: { $zero }; оцінок: { $feedback }.
   *[other] За останні { $days } дня — пошукових запитів: { $queries }, з них без результатів: { $zero }; оцінок: { $feedback }.
}
admin-top-gaps = Найчастіші запити без результатів:
admin-reload-done = Базу знань перезавантажено, записів: { $entries }.
admin-reload-failed = У базі знань є помилки, тому її не перезавантажено; діє попередня версія. Помилки: { $errors }
admin-reload-refused = Базу знань не перезавантажено: у теці залишилося б лише { $after } записів замість { $before }; діє попередня версія. Якщо так і задумано, надішліть /reload force.

## Веб-сторінка

web-title = Lotse – ваш путівник послугами, публікаціями та контактами
web-question = Ваше запитання
web-ask = Запитати
web-languages = Мова
web-skip = Перейти до змісту
web-answer = Відповідь
web-privacy = Захист даних
web-forget = Видалити мої дані
web-not-found = Такої сторінки немає. Просто введіть своє запитання в поле пошуку вгорі.
web-too-long = Ваше запитання задовге. Будь ласка, сформулюйте його кількома реченнями.
admin-title = Lotse: адміністрування
admin-token = Токен адміністратора
admin-login = Увійти
admin-needs-token = Ця сторінка для тих, хто обслуговує Lotse. Будь ласка, увійдіть із токеном адміністратора.
admin-wrong-token = Цей токен неправильний.
admin-disabled = Сторінку адміністрування вимкнено, бо токен адміністратора (LOTSE_ADMIN_TOKEN) не налаштовано.
admin-coverage = Переклади бази знань
admin-coverage-language = Мова
admin-coverage-complete = Повні записи
admin-reload = Перезавантаження
admin-reload-last = Останнє перезавантаження: { $when }
admin-reload-never = Від запуску базу знань не перезавантажували.
admin-reload-button = Перезавантажити базу знань зараз
admin-reload-force = Завантажити, навіть якщо зникне більше половини записів
report-title = Lotse: про що питали, останні { $period }
report-summary = Запитів: { $queries }, без результату: { $zero } ({ $share } %), оцінок: { $ratings }. Час відповіді p50 { $p50 } мкс, p90 { $p90 } мкс, p99 { $p99 } мкс.
report-per-day = Запити за днями й мовами
report-per-day-max = { $max } на день
report-share = Частка запитів без результату
report-share-label = { $share } % без результату
report-gaps = Найчастіші запити без результату: чого бракує в базі знань
report-no-queries = За цей період запитів не було.
report-no-gaps = Кожен запит щось знайшов.
report-per-lang = Запити за мовами
report-top = Найчастіші запити
report-feedback = Оцінки за записами
report-col-language = Мова
report-col-queries = Запити
report-col-query = Запит
report-col-count = Кількість
report-col-entry = Запис
