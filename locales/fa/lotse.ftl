# Lotse: متن‌های رابط کاربری به زبان فارسی.
# هر پیام باید در هر دوازده زبان، با همان متغیرهای فایل آلمانی، وجود داشته
# باشد. نام فرمان‌ها (/help) و متغیرها ترجمه نمی‌شوند.

## خوشامدگویی و راهنما

start-greeting = به Lotse خوش آمدید!
start-about = من برای شما خدمات، نشریات و اطلاعات تماس شبکهٔ اطلاع‌رسانی و مشاوره برای ادارات دولتی (مرکز تخصصی Pro Qualifizierung، شبکهٔ IQ) را پیدا می‌کنم.
start-how = کافی است آنچه را دنبالش هستید، به زبان خودتان برایم بنویسید. برای نمونه:
example-recognition = ارزشیابی مدرک تحصیلی
example-contact = شماره تلفن فرد مسئول
example-training = دورهٔ آموزشی بین‌فرهنگی
start-categories = یا یک دسته را انتخاب کنید:

help-title = Lotse چگونه به شما کمک می‌کند
help-search = یک پرسش یا چند کلیدواژه بنویسید. من موارد مرتبط را به شما نشان می‌دهم؛ با «جزئیات» همه‌چیز را دربارهٔ یک مورد می‌بینید.
help-commands = فرمان‌ها:
help-examples = نمونهٔ پرسش‌ها:

## فرمان‌ها (برای منو و /help)

command-start = خوشامدگویی و نگاه کلی
command-language = انتخاب زبان
command-help = راهنما و نمونه‌ها
command-offers = خدمات شبکه
command-publications = نشریات
command-contacts = اطلاعات تماس
command-about = دربارهٔ شبکه و مرکز تخصصی

## زبان

language-choose = لطفاً زبان خود را انتخاب کنید.
language-set = از این پس به زبان فارسی به شما پاسخ می‌دهم.
language-detected = شما به فارسی نوشتید، برای همین به فارسی پاسخ می‌دهم.
button-switch-language = همیشه به فارسی پاسخ بده

## دسته‌ها و انواع موارد

category-offers = خدمات
category-publications = نشریات
category-contacts = اطلاعات تماس
category-about = دربارهٔ ما
kind-offer = خدمت
kind-publication = نشریه
kind-contact = مخاطب
kind-organisation = سازمان
kind-link = پیوند
browse-title = { $category }: { $count ->
    [one] یک مورد
   *[other] { $count } مورد
}

## جست‌وجو

results-title = { $count ->
    [one] یک مورد پیدا کردم:
   *[other] { $count } مورد پیدا کردم:
}
results-page = صفحهٔ { $page } از { $pages }
button-details = جزئیات
button-more = نتایج بیشتر
button-previous = صفحهٔ قبلی
button-menu = منو
feedback-question = آیا این پاسخ مفید بود؟
feedback-thanks = از بازخورد شما سپاسگزاریم!
no-results = متأسفانه در این باره چیزی پیدا نکردم.
no-results-try = واژه‌های دیگری را امتحان کنید، یا دسته‌ها را مرور کنید.
no-results-contact = همچنین می‌توانید مستقیماً با شبکه تماس بگیرید:
no-results-portal = پورتال رسمی دربارهٔ این موضوع:
results-related = شاید این موارد به پرسش شما مربوط باشند:

## جزئیات یک مورد

detail-german-only = این بخش فقط به زبان آلمانی موجود است.
detail-series = مجموعه
detail-issue = شماره
detail-year = سال
detail-publisher = ناشر
detail-place = مکان
detail-date = تاریخ
detail-target-groups = برای
detail-person = فرد مسئول
detail-role = سمت
detail-organisation = سازمان
detail-address = نشانی
detail-phone = تلفن
detail-fax = فکس
detail-email = ایمیل
detail-website = وب‌سایت
detail-link = پیوند
detail-contact = فرد مسئول
detail-related = همچنین ببینید
button-save-contact = ذخیره به‌عنوان مخاطب
button-open-website = باز کردن وب‌سایت

## آنچه جور درنمی‌آید

unknown-command = این فرمان را نمی‌شناسم. با /help می‌بینید که چه کارهایی از من برمی‌آید.
text-only = من فقط می‌توانم متن بخوانم. لطفاً پرسش خود را به‌صورت پیام متنی برایم بفرستید.
stale-button = این دکمه دیگر معتبر نیست. لطفاً دوباره بپرسید.
not-your-button = این دکمه مربوط به درخواست شخص دیگری است. پرسش خودتان را بپرسید تا دکمه‌های خودتان را بگیرید.
empty-query = بنویسید دنبال چه هستید، برای نمونه «ارزشیابی مدرک» یا «تماس».
rate-limited = شما همین الان پیام‌های بسیار زیادی برایم فرستادید. پس از یک مکث کوتاه به پیام‌های بعدی پاسخ می‌دهم؛ لطفاً آن وقت پرسش خود را دوباره بفرستید.
answer-failed = متأسفم، در این پاسخ مشکلی پیش آمد. لطفاً کمی بعد دوباره امتحان کنید.

## گفت‌وگو در ترمینال

chat-choose = برای فشردن یک دکمه، شمارهٔ آن را تایپ کنید.
chat-bye = خدا نگهدار!
chat-no-button = { $count ->
    [0] دکمه‌ای با شمارهٔ { $number } اینجا نیست. لطفاً پرسش خود را با واژه‌ها بنویسید.
   *[other] دکمه‌ای با شمارهٔ { $number } اینجا نیست. عددی از 1 تا { $count } تایپ کنید، یا پرسش خود را با واژه‌ها بنویسید.
}
chat-see-above = گزینه‌های بالا هنوز معتبرند: یکی از شماره‌های آن‌ها را تایپ کنید.

## حریم خصوصی و حذف داده‌ها

command-privacy = Lotse چه چیزهایی را ذخیره می‌کند
command-forget = حذف داده‌های من
privacy-title = حریم خصوصی در Lotse
privacy-what = Lotse زبانی را که انتخاب کرده‌اید و آنچه را جست‌وجو می‌کنید ذخیره می‌کند: متن جست‌وجو، تعداد نتایج و ارزیابی‌های شما با 👍 یا 👎.
privacy-who = شناسهٔ تلگرام شما هرگز به‌صورت خوانا ذخیره نمی‌شود، بلکه فقط به‌صورت یک نام مستعار که نمی‌توان شناسهٔ شما را از آن بازیابی کرد. در گروه‌ها، Lotse فقط پیام‌هایی را ذخیره می‌کند که خطاب به Lotse باشند.
privacy-why = به این ترتیب، کسانی که Lotse را اداره می‌کنند می‌بینند که مردم دنبال چه هستند و چه چیزی هنوز کم است.
privacy-how-long = { $days ->
    [one] همهٔ داده‌ها پس از { $days } روز حذف می‌شوند.
   *[other] همهٔ داده‌ها پس از { $days } روز حذف می‌شوند.
}
privacy-forget = با /forget همهٔ آنچه را Lotse دربارهٔ شما ذخیره کرده است، فوراً حذف می‌کنید.
forget-confirm = آیا Lotse زبان، جست‌وجوها و ارزیابی‌های شما را اکنون حذف کند؟
button-forget-yes = بله، حذف همه‌چیز
button-forget-no = لغو
forget-done = انجام شد: Lotse همهٔ آنچه را دربارهٔ شما ذخیره کرده بود حذف کرد.
forget-cancelled = باشد، چیزی حذف نشد.
forget-failed = Lotse اکنون نتوانست داده‌های شما را حذف کند. خودش به تلاش ادامه می‌دهد و به محض اینکه ممکن شود آن‌ها را حذف می‌کند. برای اطمینان، بعداً دوباره /forget را بفرستید.

## برای مدیران سامانه

admin-stats = { $days ->
    [one] { $days } روز گذشته: { $queries } جست‌وجو، که { $zero } مورد از آن‌ها بدون نتیجه بود؛ { $feedback } ارزیابی.
   *[other] { $days } روز گذشته: { $queries } جست‌وجو، که { $zero } مورد از آن‌ها بدون نتیجه بود؛ { $feedback } ارزیابی.
}
admin-top-gaps = پرتکرارترین جست‌وجوهای بدون نتیجه:
admin-reload-done = پایگاه دانش دوباره بارگذاری شد: { $entries } مورد.
admin-reload-failed = پایگاه دانش خطا دارد و دوباره بارگذاری نشد؛ نسخهٔ قبلی همچنان فعال می‌ماند. خطاها: { $errors }
admin-reload-refused = پایگاه دانش دوباره بارگذاری نشد: پوشه به جای { $before } فقط { $after } مدخل می‌داشت؛ نسخهٔ قبلی همچنان فعال می‌ماند. اگر این عمدی است، /reload force را بفرستید.

## صفحهٔ وب

web-title = Lotse – راهنمای شما به خدمات، نشریات و مخاطبان
web-question = پرسش شما
web-ask = بپرسید
web-languages = زبان
web-skip = رفتن به محتوا
web-answer = پاسخ
web-privacy = حریم خصوصی
web-forget = حذف داده‌های من
web-not-found = این صفحه وجود ندارد. کافی است پرسش خود را در کادر جستجوی بالا بنویسید.
web-too-long = پرسش شما بیش از حد طولانی است. لطفاً آن را در چند جمله بنویسید.
web-case = گفت‌وگوی شما با تیم مشاوره
web-message = پیام شما به تیم مشاوره
web-send = فرستادن
web-message-empty = لطفاً اول یک پیام بنویسید.
admin-title = Lotse: مدیریت
admin-token = توکن مدیر
admin-login = ورود
admin-needs-token = این صفحه برای کسانی است که از Lotse نگهداری می‌کنند. لطفاً با توکن مدیر وارد شوید.
admin-wrong-token = این توکن درست نیست.
admin-disabled = صفحهٔ مدیریت خاموش است، چون هیچ توکن مدیری (LOTSE_ADMIN_TOKEN) تنظیم نشده است.
admin-coverage = ترجمه‌های پایگاه دانش
admin-coverage-language = زبان
admin-coverage-complete = مدخل‌های کامل
admin-reload = بارگذاری دوباره
admin-reload-last = آخرین بارگذاری دوباره: { $when }
admin-reload-never = پایگاه دانش از زمان راه‌اندازی دوباره بارگذاری نشده است.
admin-reload-button = اکنون پایگاه دانش را دوباره بارگذاری کن
admin-reload-force = حتی اگر بیش از نیمی از مدخل‌ها حذف شوند، بارگذاری کن
report-title = لوتسه: آنچه مردم پرسیدند، { $period } اخیر
report-summary = { $queries } پرسش، { $zero } بدون نتیجه ({ $share } %)، { $ratings } ارزیابی. زمان پاسخ p50 { $p50 } µs، p90 { $p90 } µs، p99 { $p99 } µs.
report-per-day = پرسش‌ها در روز به تفکیک زبان
report-per-day-max = { $max } در روز
report-share = سهم پرسش‌های بدون نتیجه
report-share-label = { $share } % بدون نتیجه
report-gaps = پرتکرارترین پرسش‌های بدون نتیجه: آنچه در دانش کم است
report-no-queries = در این بازه پرسشی نبود.
report-no-gaps = هر پرسشی چیزی پیدا کرد.
report-per-lang = پرسش‌ها به تفکیک زبان
report-top = پرتکرارترین پرسش‌ها
report-feedback = ارزیابی‌ها برای هر مدخل
report-col-language = زبان
report-col-queries = پرسش‌ها
report-col-query = پرسش
report-col-count = تعداد
report-col-entry = مدخل

## The handover to a counsellor (/counsellor)
command-counsellor = گفتگو با یک مشاور شبکه
button-counsellor = 💬 گفتگو با مشاور
handover-private-only = گفتگو با مشاور فقط در گفتگوی خصوصی با Lotse ممکن است. آنجا برای من /counsellor بنویسید.
handover-unavailable = در حال حاضر دسترسی به مشاوران ممکن نیست. لطفاً بعداً دوباره امتحان کنید یا مستقیماً با شبکه تماس بگیرید (/contacts).
handover-consent-title = گفتگو با مشاور
handover-consent-shared = اگر موافقت کنید، تیم مشاوره شبکه پرسش شما، زبان شما، جستجوهای شما در این گفتگو و هر چیزی را که تا باز بودن پرونده می‌فرستید (از جمله عکس و سند) می‌بیند. نام و شناسه تلگرام شما را نمی‌بیند، مگر اینکه خودتان اطلاعات تماس بنویسید.
handover-consent-shared-web = اگر موافقت کنید، تیم مشاورهٔ شبکه پرسش شما، زبان شما، جست‌وجوهای شما در این بازدید و هر آنچه را تا وقتی پرونده باز است می‌نویسید می‌بیند. آن‌ها نمی‌دانند شما چه کسی هستید، مگر اینکه خودتان اطلاعات تماس بنویسید.
handover-consent-kept = خود Lotse درباره پرونده شما فقط شماره‌ها و زمان‌ها را نگه می‌دارد، نه متن‌ها را، و آن را { $days } روز پس از بسته شدن پاک می‌کند؛ با /forget فوراً، در گفتگوی تیم مشاوره هم.
handover-consent-emergency = این خدمت اورژانس نیست. در وضعیت اضطراری با ۱۱۲ (آمبولانس، آتش‌نشانی) یا ۱۱۰ (پلیس) تماس بگیرید.
button-consent-yes = ✅ بله، مرا به مشاور وصل کنید
button-consent-no = نه، ممنون
handover-declined = باشد، چیزی به اشتراک گذاشته نشد.
handover-opened = پرونده شما به شماره { $case } باز شد. پرسش خود را اینجا بنویسید: هر چه اکنون بفرستید، از جمله عکس و سند، به تیم مشاوره می‌رسد. دستورهایی مانند /help همچنان کار می‌کنند.
handover-opened-web = پرونده شما به شماره { $case } باز شد. پرسش خود را پایین، در کادر مخصوص تیم مشاوره بنویسید. پاسخ‌ها در همین صفحه نمایش داده می‌شوند؛ وب‌سایت نمی‌تواند عکس یا فایل منتقل کند.
handover-status = پرونده شما به شماره { $case } باز است.
handover-routing-counsellor = پیام‌های شما به تیم مشاوره می‌رود.
handover-routing-search = اکنون Lotse پیام‌های شما را جستجو می‌کند؛ پاسخ‌های تیم مشاوره همچنان همین‌جا به شما می‌رسد.
button-write-counsellor = 💬 نوشتن به مشاور
button-search-instead = 🔎 به جای آن از Lotse بپرسید
button-end-case = ✖ بستن پرونده
handover-received = سپاس، پیام شما به تیم مشاوره رسید.
handover-expect-open = تیم اکنون سر کار است و معمولاً ظرف { $hours } ساعت پاسخ می‌دهد.
handover-expect-closed = تیم اکنون سر کار نیست. از { $day }، ساعت { $opens }:00 پاسخ می‌گیرید (ساعت کاری { $opens }:00 تا { $closes }:00 به وقت آلمان).
handover-expect-later = تیم به محض بازگشت به کار پاسخ می‌دهد.
weekday-1 = دوشنبه
weekday-2 = سه‌شنبه
weekday-3 = چهارشنبه
weekday-4 = پنجشنبه
weekday-5 = جمعه
weekday-6 = شنبه
weekday-7 = یکشنبه
handover-no-case = اکنون پرونده بازی ندارید. /counsellor یک پرونده باز می‌کند.
handover-closed = پرونده شما به شماره { $case } بسته شد. سپاس! اکنون دوباره Lotse به پیام‌های شما پاسخ می‌دهد؛ /counsellor پرونده تازه‌ای باز می‌کند.
handover-from-counsellor = 💬 پاسخ مشاور (پرونده شماره { $case }):
handover-not-delivered = پیام شما اکنون به تیم مشاوره نرسید. لطفاً بعداً دوباره بفرستید.
handover-web-file = مشاور فایلی (عکس یا سند) فرستاده است که فقط تلگرام می‌تواند آن را نشان دهد. از او بخواهید آن را اینجا به صورت متن بنویسد.
handover-consent-web-kept = در وب‌سایت، پاسخ‌های تیم مشاوره به شما رمزگذاری‌شده ذخیره می‌شوند تا صفحهٔ شما بتواند آن‌ها را نشان دهد، و همراه با پرونده حذف می‌شوند.
privacy-handover = اگر با /counsellor با گفتگو با مشاور موافقت کنید، تیم پرسش شما، زبان شما، جستجوهای شما و آنچه را در پرونده می‌فرستید می‌بیند. Lotse برای این کار فقط نام مستعار شما، شماره‌ها و زمان‌ها را نگه می‌دارد و شناسه گفتگو را فقط رمزگذاری‌شده و فقط تا باز بودن پرونده. پرونده‌های بسته پس از { $days } روز پاک می‌شوند، با /forget فوراً، در گفتگوی تیم مشاوره هم.
privacy-handover-web = در وب‌سایت، Lotse پاسخ‌های تیم مشاوره به شما را رمزگذاری‌شده ذخیره می‌کند تا صفحهٔ شما بتواند آن‌ها را نشان دهد؛ این پاسخ‌ها همراه با پرونده حذف می‌شوند. این تنها متن پیامی است که Lotse ذخیره می‌کند.

## For the staff chat (always shown in German)
staff-no-category = عمومی
staff-card-title = پرونده شماره { $case }
staff-topic-again = موضوع این پرونده پاک شده بود و دوباره ساخته شد.
staff-card-lang = زبان
staff-card-question = پرسش
staff-card-no-question = هنوز نه؛ پیام‌های این فرد می‌آیند
staff-card-searches = جستجوهای این گفتگو و مدخل‌های نشان‌داده‌شده:
staff-card-nothing-shown = چیزی پیدا نشد
staff-card-how = کافی است در همین موضوع پاسخ دهید: پیام شما به آن فرد می‌رسد. /note … داخلی می‌ماند، /close پرونده را می‌بندد، /cases همه پرونده‌های باز را نشان می‌دهد.
staff-lang = { $code ->
    [de] آلمانی
    [en] انگلیسی
    [ar] عربی
    [fa] فارسی
    [ps] پشتو
    [tr] ترکی
    [kmr] کردی (کرمانجی)
    [ru] روسی
    [uk] اوکراینی
    [pl] لهستانی
    [ro] رومانیایی
    [fr] فرانسوی
   *[other] { $code }
} ({ $code })
staff-closed-by-user = این فرد پرونده را بست.
staff-user-unreachable = دیگر دسترسی به این فرد ممکن نیست (Lotse را مسدود کرده است). پرونده بسته شد؛ آخرین پاسخ تحویل داده نشد.
staff-not-delivered = این پرونده بسته است: پیام تحویل داده نشد.
staff-already-closed = این پرونده از قبل بسته است.
staff-card-door = کانال
staff-door = { $door ->
    [web] وب‌سایت
   *[other] Telegram
}
staff-web-visitor = پیام از طریق وب‌سایت:
staff-web-text-only = این شخص از طریق وب‌سایت می‌نویسد و آنجا فقط متن می‌بیند: Lotse نمی‌تواند عکس یا فایل به او نشان دهد. لطفاً نکات مهم را به صورت متن بنویسید.
staff-cases-title = { $count ->
    [0] پرونده بازی نیست.
   *[other] پرونده‌های باز: { $count }
}
staff-case-open = باز از { $age } پیش
staff-unanswered = { $age } است که منتظر پاسخ است
staff-age-minutes = { $minutes } دقیقه
staff-age-hours = { $hours } ساعت
