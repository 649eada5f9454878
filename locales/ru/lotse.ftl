# Lotse: тексты интерфейса на русском языке.
# Каждое сообщение есть на всех двенадцати языках, с теми же переменными,
# что и в немецком файле. Названия команд (/help) и переменные не переводятся.

## Приветствие и помощь

start-greeting = Добро пожаловать в Lotse!
start-about = Я найду для Вас предложения, публикации и контакты Информационно-консультационной сети для органов публичного управления (Kompetenzzentrum Pro Qualifizierung, сеть IQ).
start-how = Просто напишите мне на своём языке, что Вы ищете. Например:
example-recognition = подтверждение диплома
example-contact = номер телефона контактного лица
example-training = межкультурное обучение
start-categories = Или выберите категорию:

help-title = Чем Вам поможет Lotse
help-search = Напишите вопрос или несколько ключевых слов. Я покажу подходящие записи; кнопка «Подробнее» покажет всё об одной записи.
help-commands = Команды:
help-examples = Примеры вопросов:

## Команды (для меню и /help)

command-start = Приветствие и обзор
command-language = Выбрать язык
command-help = Помощь и примеры
command-offers = Предложения сети
command-publications = Публикации
command-contacts = Контакты
command-about = О сети и центре компетенций

## Язык

language-choose = Пожалуйста, выберите свой язык.
language-set = С этого момента я буду отвечать Вам на русском языке.
language-detected = Вы написали по-русски, поэтому я отвечаю по-русски.
button-switch-language = Всегда отвечать по-русски

## Категории и типы записей

category-offers = Предложения
category-publications = Публикации
category-contacts = Контакты
category-about = О нас
kind-offer = Предложение
kind-publication = Публикация
kind-contact = Контакт
kind-organisation = Организация
kind-link = Ссылка
browse-title = { $category }: { $count ->
    [one] { $count } запись
    [few] { $count } записи
    [many] { $count } записей
   *[other] { $count } записи
}

## Поиск

results-title = { $count ->
    [one] Я нашёл { $count } запись:
    [few] Я нашёл { $count } записи:
    [many] Я нашёл { $count } записей:
   *[other] Я нашёл { $count } записи:
}
results-page = Страница { $page } из { $pages }
button-details = Подробнее
button-more = Ещё результаты
button-previous = Предыдущая страница
button-menu = Меню
feedback-question = Этот ответ был полезен?
feedback-thanks = Спасибо за Ваш отзыв!
no-results = К сожалению, я ничего не нашёл по этому запросу.
no-results-try = Попробуйте другие слова или посмотрите категории.
no-results-contact = Вы также можете обратиться в сеть напрямую:
no-results-portal = Официальный портал по этой теме:
results-related = Возможно, это связано с Вашим вопросом:

## Подробности записи

detail-german-only = Эта часть доступна только на немецком языке.
detail-series = Серия
detail-issue = Выпуск
detail-year = Год
detail-publisher = Издатель
detail-place = Место
detail-date = Дата
detail-target-groups = Для кого
detail-person = Контактное лицо
detail-role = Должность
detail-organisation = Организация
detail-address = Адрес
detail-phone = Телефон
detail-fax = Факс
detail-email = Эл. почта
detail-website = Сайт
detail-link = Ссылка
detail-contact = Контактное лицо
detail-related = См. также
button-save-contact = Сохранить как контакт
button-open-website = Открыть сайт

## Что не подходит

unknown-command = Я не знаю такой команды. Что я умею, Вы узнаете по команде /help.
text-only = Я могу читать только текст. Пожалуйста, напишите мне свой вопрос сообщением.
stale-button = Эта кнопка уже неактуальна. Пожалуйста, просто спросите ещё раз.
not-your-button = Эта кнопка относится к запросу другого человека. Задайте свой вопрос — и Вы получите свои кнопки.
empty-query = Напишите мне, что Вы ищете, например «признание» или «контакт».
rate-limited = Вы только что отправили мне очень много сообщений. На следующие я отвечу после небольшой паузы; пожалуйста, отправьте свой вопрос ещё раз чуть позже.
answer-failed = Извините, с этим ответом что-то пошло не так. Пожалуйста, попробуйте ещё раз через минуту.

## Чат в терминале

chat-choose = Введите номер кнопки, чтобы нажать её.
chat-bye = До свидания!
chat-no-button = { $count ->
    [0] Кнопки { $number } здесь нет. Пожалуйста, напишите свой вопрос словами.
   *[other] Кнопки { $number } здесь нет. Введите номер от 1 до { $count } или напишите свой вопрос словами.
}
chat-see-above = Варианты выше всё ещё действуют: введите один из их номеров.

## Защита данных и удаление

command-privacy = Что сохраняет Lotse
command-forget = Удалить мои данные
privacy-title = Защита данных в Lotse
privacy-what = Lotse сохраняет выбранный Вами язык и то, что Вы ищете: текст запроса, число найденных результатов и Ваши оценки 👍 или 👎.
privacy-who = Ваш идентификатор Telegram никогда не сохраняется в открытом виде, а только как псевдоним, из которого его невозможно восстановить. В группах Lotse сохраняет только сообщения, адресованные Lotse.
privacy-why = Так те, кто поддерживает Lotse, видят, что ищут люди и чего ещё не хватает.
privacy-how-long = { $days ->
    [one] Все данные удаляются через { $days } день.
    [few] Все данные удаляются через { $days } дня.
    [many] Все данные удаляются через { $days } дней.
   *[other] Все данные удаляются через { $days } дня.
}
privacy-forget = Командой /forget Вы сразу удалите всё, что хранится о Вас в Lotse.
forget-confirm = Удалить сейчас из Lotse Ваш язык, Ваши поисковые запросы и Ваши оценки?
button-forget-yes = Да, удалить всё
button-forget-no = Отмена
forget-done = Готово: всё, что хранилось о Вас в Lotse, удалено.
forget-cancelled = Хорошо, ничего не удалено.
forget-failed = Lotse не удалось сейчас удалить Ваши данные. Он продолжает пытаться сам и удалит их, как только это станет возможно. Чтобы быть уверенными, отправьте /forget ещё раз позже.

## Для администраторов

admin-stats = { $days ->
    [one] За последний { $days } день — поисковых запросов: { $queries }, из них без результатов: { $zero }; оценок: { $feedback }.
    [few] За последние { $days } дня — поисковых запросов: { $queries }, из них без результатов: { $zero }; оценок: { $feedback }.
    [many] За последние { $days } дней — поисковых запросов: { $queries }, из них без результатов: { $zero }; оценок: { $feedback }.
   *[other] За последние { $days } дня — поисковых запросов: { $queries }, из них без результатов: { $zero }; оценок: { $feedback }.
}
admin-top-gaps = Самые частые запросы без результатов:
admin-reload-done = База знаний перезагружена, записей: { $entries }.
admin-reload-failed = В базе знаний есть ошибки, поэтому она не перезагружена; действует прежняя версия. Ошибки: { $errors }
admin-reload-refused = База знаний не перезагружена: в папке осталось бы только { $after } записей вместо { $before }; действует прежняя версия. Если так и задумано, отправьте /reload force.

## Веб-страница

web-title = Lotse – ваш путеводитель по услугам, публикациям и контактам
web-question = Ваш вопрос
web-ask = Спросить
web-languages = Язык
web-skip = Перейти к содержанию
web-answer = Ответ
web-privacy = Защита данных
web-forget = Удалить мои данные
web-not-found = Такой страницы нет. Просто введите свой вопрос в поле поиска выше.
web-too-long = Ваш вопрос слишком длинный. Пожалуйста, сформулируйте его в нескольких предложениях.
admin-title = Lotse: администрирование
admin-token = Токен администратора
admin-login = Войти
admin-needs-token = Эта страница для тех, кто обслуживает Lotse. Пожалуйста, войдите с токеном администратора.
admin-wrong-token = Этот токен неверен.
admin-disabled = Страница администрирования отключена, потому что токен администратора (LOTSE_ADMIN_TOKEN) не настроен.
admin-coverage = Переводы базы знаний
admin-coverage-language = Язык
admin-coverage-complete = Полные записи
admin-reload = Перезагрузка
admin-reload-last = Последняя перезагрузка: { $when }
admin-reload-never = С момента запуска база знаний не перезагружалась.
admin-reload-button = Перезагрузить базу знаний сейчас
admin-reload-force = Загрузить, даже если исчезнет больше половины записей
report-title = Lotse: о чём спрашивали, последние { $period }
report-summary = Запросов: { $queries }, без результата: { $zero } ({ $share } %), оценок: { $ratings }. Время ответа p50 { $p50 } мкс, p90 { $p90 } мкс, p99 { $p99 } мкс.
report-per-day = Запросы по дням и языкам
report-per-day-max = { $max } в день
report-share = Доля запросов без результата
report-share-label = { $share } % без результата
report-gaps = Самые частые запросы без результата: чего не хватает в базе знаний
report-no-queries = За этот период запросов не было.
report-no-gaps = Каждый запрос что-то нашёл.
report-per-lang = Запросы по языкам
report-top = Самые частые запросы
report-feedback = Оценки по записям
report-col-language = Язык
report-col-queries = Запросы
report-col-query = Запрос
report-col-count = Количество
report-col-entry = Запись

## The handover to a counsellor (/counsellor)
command-counsellor = Поговорить с консультантом сети
button-counsellor = 💬 Поговорить с консультантом
handover-private-only = Поговорить с консультантом можно только в личном чате с Lotse. Напишите мне там /counsellor.
handover-unavailable = Консультанты сейчас недоступны. Пожалуйста, попробуйте позже или обратитесь в сеть напрямую (/contacts).
handover-consent-title = Поговорить с консультантом
handover-consent-shared = Если вы согласитесь, команда консультантов сети увидит ваш вопрос, ваш язык, ваши поиски в этом разговоре и всё, что вы отправите, пока обращение открыто (в том числе фото и документы). Ваше имя и ваш Telegram-идентификатор она не увидит, если только вы сами не напишете свои контактные данные.
handover-consent-kept = Сам Lotse хранит о вашем обращении только номера и время, без текстов, и удаляет его через { $days } дн. после закрытия; с /forget — сразу, в том числе в чате консультантов.
handover-consent-emergency = Это не экстренная служба. В экстренном случае звоните 112 (скорая помощь, пожарные) или 110 (полиция).
button-consent-yes = ✅ Да, соединить с консультантом
button-consent-no = Нет, спасибо
handover-declined = Хорошо, ничего не передано.
handover-opened = Ваше обращение №{ $case } открыто. Напишите здесь свой вопрос: всё, что вы теперь отправите, получит команда консультантов, в том числе фото и документы. Команды вроде /help по-прежнему работают.
handover-status = Ваше обращение №{ $case } открыто.
handover-routing-counsellor = Ваши сообщения получает команда консультантов.
handover-routing-search = Теперь ваши сообщения ищет Lotse; ответы консультантов по-прежнему приходят сюда.
button-write-counsellor = 💬 Написать консультанту
button-search-instead = 🔎 Лучше спросить Lotse
button-end-case = ✖ Закрыть обращение
handover-received = Спасибо, ваше сообщение получено командой консультантов.
handover-expect-open = Команда сейчас на работе и обычно отвечает в течение { $hours } ч.
handover-expect-closed = Команда сейчас не работает. Ответ вы получите начиная с: { $day }, { $opens }:00 (часы работы { $opens }:00–{ $closes }:00 по немецкому времени).
handover-expect-later = Команда ответит, как только снова будет на работе.
weekday-1 = понедельник
weekday-2 = вторник
weekday-3 = среда
weekday-4 = четверг
weekday-5 = пятница
weekday-6 = суббота
weekday-7 = воскресенье
handover-no-case = Сейчас у вас нет открытого обращения. /counsellor открывает новое.
handover-closed = Ваше обращение №{ $case } закрыто. Спасибо! Теперь на ваши сообщения снова отвечает Lotse; /counsellor открывает новое обращение.
handover-from-counsellor = 💬 Ответ консультанта (обращение №{ $case }):
handover-not-delivered = Ваше сообщение сейчас не удалось передать консультантам. Пожалуйста, отправьте его позже ещё раз.
privacy-handover = Если вы с помощью /counsellor согласитесь поговорить с консультантом, команда увидит ваш вопрос, ваш язык, ваши поиски и то, что вы отправите в обращении. Lotse хранит для этого только ваш псевдоним, номера и время, а идентификатор чата — только в зашифрованном виде и только пока обращение открыто. Закрытые обращения удаляются через { $days } дн., с /forget — сразу, в том числе в чате консультантов.

## For the staff chat (always shown in German)
staff-no-category = Общее
staff-card-title = Обращение №{ $case }
staff-topic-again = Тема этого обращения была удалена и создана заново.
staff-card-lang = Язык
staff-card-question = Вопрос
staff-card-no-question = пока нет; сообщения человека последуют
staff-card-searches = Поиски в этом разговоре и показанные записи:
staff-card-nothing-shown = ничего не найдено
staff-card-how = Просто отвечайте в этой теме: ваше сообщение получит человек. /note … остаётся внутренним, /close закрывает обращение, /cases показывает все открытые обращения.
staff-lang = { $code ->
    [de] немецкий
    [en] английский
    [ar] арабский
    [fa] персидский
    [ps] пушту
    [tr] турецкий
    [kmr] курдский (курманджи)
    [ru] русский
    [uk] украинский
    [pl] польский
    [ro] румынский
    [fr] французский
   *[other] { $code }
} ({ $code })
staff-closed-by-user = Человек закрыл обращение.
staff-user-unreachable = Человек больше недоступен (заблокировал Lotse). Обращение закрыто; последний ответ не доставлен.
staff-not-delivered = Это обращение закрыто: сообщение не доставлено.
staff-already-closed = Это обращение уже закрыто.
staff-cases-title = { $count ->
    [0] Открытых обращений нет.
   *[other] Открытые обращения: { $count }
}
staff-case-open = открыто { $age }
staff-unanswered = ждёт ответа { $age }
staff-age-minutes = { $minutes } мин
staff-age-hours = { $hours } ч
