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
button-back = Назад
feedback-question = Этот ответ был полезен?
feedback-thanks = Спасибо за Ваш отзыв!
no-results = К сожалению, я ничего не нашёл по этому запросу.
no-results-try = Попробуйте другие слова или посмотрите категории.
no-results-contact = Вы также можете обратиться в сеть напрямую:

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
empty-query = Напишите мне, что Вы ищете, например «признание» или «контакт».

## Чат в терминале

chat-choose = Введите номер кнопки, чтобы нажать её.
chat-bye = До свидания!
