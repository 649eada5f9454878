# Lotse: نصوص الواجهة باللغة العربية.
# توجد كل رسالة بجميع اللغات الاثنتي عشرة، بنفس المتغيرات الموجودة في
# الملف الألماني. أسماء الأوامر (/help) والمتغيرات لا تُترجم.

## الترحيب والمساعدة

start-greeting = أهلًا بكم في Lotse!
start-about = أبحث لكم عن خدمات ومنشورات وجهات اتصال شبكة المعلومات والاستشارات للإدارات العامة (مركز الكفاءات Pro Qualifizierung، شبكة IQ).
start-how = اكتبوا لي ببساطة ما تبحثون عنه، بلغتكم. على سبيل المثال:
example-recognition = معادلة الشهادة
example-contact = رقم هاتف الشخص المسؤول
example-training = دورة في التواصل بين الثقافات
start-categories = أو اختاروا فئة:

help-title = كيف يساعدكم Lotse
help-search = اكتبوا سؤالًا أو بضع كلمات مفتاحية. سأعرض لكم النتائج المناسبة؛ وبالضغط على «التفاصيل» ترون كل ما يخص النتيجة.
help-commands = الأوامر:
help-examples = أمثلة على الأسئلة:

## الأوامر (للقائمة وللأمر /help)

command-start = الترحيب ونظرة عامة
command-language = اختيار اللغة
command-help = المساعدة والأمثلة
command-offers = خدمات الشبكة
command-publications = المنشورات
command-contacts = جهات الاتصال
command-about = عن الشبكة ومركز الكفاءات

## اللغة

language-choose = يُرجى اختيار لغتكم.
language-set = سأجيبكم من الآن فصاعدًا باللغة العربية.
language-detected = كتبتم بالعربية، لذلك أجيبكم بالعربية.
button-switch-language = الرد دائمًا بالعربية

## الفئات وأنواع العناصر

category-offers = الخدمات
category-publications = المنشورات
category-contacts = جهات الاتصال
category-about = من نحن
kind-offer = خدمة
kind-publication = منشور
kind-contact = جهة اتصال
kind-organisation = مؤسسة
kind-link = رابط
browse-title = { $category }: { $count ->
    [zero] لا توجد عناصر
    [one] عنصر واحد
    [two] عنصران
    [few] { $count } عناصر
    [many] { $count } عنصرًا
   *[other] { $count } عنصر
}

## البحث

results-title = { $count ->
    [zero] لم أجد أي نتيجة.
    [one] وجدتُ نتيجة واحدة:
    [two] وجدتُ نتيجتين:
    [few] وجدتُ { $count } نتائج:
    [many] وجدتُ { $count } نتيجةً:
   *[other] وجدتُ { $count } نتيجة:
}
results-page = الصفحة { $page } من { $pages }
button-details = التفاصيل
button-more = مزيد من النتائج
button-previous = الصفحة السابقة
button-menu = القائمة
feedback-question = هل كانت هذه الإجابة مفيدة؟
feedback-thanks = شكرًا لكم على ملاحظاتكم!
no-results = عذرًا، لم أجد شيئًا حول هذا الموضوع.
no-results-try = جرّبوا كلمات أخرى، أو تصفّحوا الفئات.
no-results-contact = يمكنكم أيضًا التواصل مع الشبكة مباشرةً:
no-results-portal = البوابة الرسمية حول هذا الموضوع:
results-related = قد تكون هذه الإدخالات ذات صلة:

## تفاصيل العنصر

detail-german-only = هذا الجزء متوفر باللغة الألمانية فقط.
detail-series = السلسلة
detail-issue = العدد
detail-year = السنة
detail-publisher = الناشر
detail-place = المكان
detail-date = التاريخ
detail-target-groups = موجّه إلى
detail-person = الشخص المسؤول
detail-role = الوظيفة
detail-organisation = المؤسسة
detail-address = العنوان
detail-phone = الهاتف
detail-fax = الفاكس
detail-email = البريد الإلكتروني
detail-website = الموقع الإلكتروني
detail-link = الرابط
detail-contact = الشخص المسؤول
detail-related = انظر أيضًا
button-save-contact = حفظ كجهة اتصال
button-open-website = فتح الموقع الإلكتروني

## ما لا يناسب

unknown-command = لا أعرف هذا الأمر. اكتبوا /help لتروا ما يمكنني فعله.
text-only = لا أستطيع قراءة إلا النصوص. يُرجى إرسال سؤالكم إليّ كرسالة نصية.
stale-button = هذا الزر لم يعد صالحًا. يُرجى طرح سؤالكم مرة أخرى.
not-your-button = هذا الزر يخص طلب شخص آخر. اطرحوا سؤالكم الخاص وستحصلون على أزراركم الخاصة.
empty-query = اكتبوا لي ما تبحثون عنه، على سبيل المثال «معادلة الشهادة» أو «جهة اتصال».
rate-limited = لقد أرسلتم لي للتو عددًا كبيرًا جدًا من الرسائل. سأجيب على المزيد بعد استراحة قصيرة؛ يرجى إرسال سؤالكم مرة أخرى حينها.
answer-failed = عذرًا، حدث خطأ ما في هذه الإجابة. يرجى المحاولة مرة أخرى بعد قليل.

## المحادثة في الطرفية

chat-choose = اكتبوا رقم الزر للضغط عليه.
chat-bye = مع السلامة!
chat-no-button = { $count ->
    [0] لا يوجد هنا زر رقم { $number }. يُرجى كتابة سؤالكم بالكلمات.
   *[other] لا يوجد هنا زر رقم { $number }. اكتبوا رقمًا من 1 إلى { $count }، أو اكتبوا سؤالكم بالكلمات.
}
chat-see-above = الخيارات أعلاه ما زالت قائمة: اكتبوا أحد أرقامها.

## الخصوصية والحذف

command-privacy = ما يحفظه Lotse
command-forget = حذف بياناتي
privacy-title = حماية البيانات في Lotse
privacy-what = يحفظ Lotse اللغة التي اخترتموها وما تبحثون عنه: نص البحث، وعدد النتائج، وتقييماتكم بـ 👍 أو 👎.
privacy-who = لا يُحفظ مُعرّفكم في تيليغرام أبدًا بشكل مقروء، بل كاسم مستعار فقط لا يمكن استرجاع المُعرّف منه. وفي المجموعات لا يحفظ Lotse إلا الرسائل الموجّهة إلى Lotse.
privacy-why = وبذلك يرى القائمون على Lotse ما يبحث عنه الناس وما الذي لا يزال ناقصًا.
privacy-how-long = { $days ->
    [zero] تُحذف جميع البيانات المحفوظة بعد { $days } يوم.
    [one] تُحذف جميع البيانات المحفوظة بعد يوم واحد.
    [two] تُحذف جميع البيانات المحفوظة بعد يومين.
    [few] تُحذف جميع البيانات المحفوظة بعد { $days } أيام.
    [many] تُحذف جميع البيانات المحفوظة بعد { $days } يومًا.
   *[other] تُحذف جميع البيانات المحفوظة بعد { $days } يوم.
}
privacy-forget = بالأمر /forget تحذفون فورًا كل ما حفظه Lotse عنكم.
forget-confirm = هل تريدون أن يحذف Lotse الآن لغتكم وعمليات بحثكم وتقييماتكم؟
button-forget-yes = نعم، احذف كل شيء
button-forget-no = إلغاء
forget-done = تم: حذف Lotse كل ما كان قد حفظه عنكم.
forget-cancelled = حسنًا، لم يُحذف أي شيء.
forget-failed = لم يتمكن Lotse من حذف بياناتكم الآن. سيواصل المحاولة من تلقاء نفسه وسيحذفها فور أن يصبح ذلك ممكنًا. للتأكد، أرسلوا /forget مرة أخرى لاحقًا.

## للمشرفين على النظام

admin-stats = { $days ->
    [zero] آخر { $days } يوم: عدد عمليات البحث { $queries }، منها { $zero } بلا نتائج؛ عدد التقييمات { $feedback }.
    [one] اليوم الأخير: عدد عمليات البحث { $queries }، منها { $zero } بلا نتائج؛ عدد التقييمات { $feedback }.
    [two] اليومان الأخيران: عدد عمليات البحث { $queries }، منها { $zero } بلا نتائج؛ عدد التقييمات { $feedback }.
    [few] آخر { $days } أيام: عدد عمليات البحث { $queries }، منها { $zero } بلا نتائج؛ عدد التقييمات { $feedback }.
    [many] آخر { $days } يومًا: عدد عمليات البحث { $queries }، منها { $zero } بلا نتائج؛ عدد التقييمات { $feedback }.
   *[other] آخر { $days } يوم: عدد عمليات البحث { $queries }، منها { $zero } بلا نتائج؛ عدد التقييمات { $feedback }.
}
admin-top-gaps = أكثر عمليات البحث تكرارًا دون نتائج:
admin-reload-done = تمت إعادة تحميل قاعدة المعرفة: عدد العناصر { $entries }.
admin-reload-failed = تحتوي قاعدة المعرفة على أخطاء ولم يُعَد تحميلها؛ تبقى النسخة السابقة مفعّلة. الأخطاء: { $errors }
admin-reload-refused = لم يُعَد تحميل قاعدة المعرفة: كان المجلد سيحتوي على { $after } إدخالات فقط بدلًا من { $before }؛ تبقى النسخة السابقة مفعّلة. إذا كان ذلك مقصودًا، فأرسلوا /reload force

## صفحة الويب

web-title = Lotse – دليلكم إلى الخدمات والمنشورات وجهات الاتصال
web-question = سؤالكم
web-ask = اسألوا
web-languages = اللغة
web-skip = الانتقال إلى المحتوى
web-answer = الإجابة
web-privacy = حماية البيانات
web-forget = حذف بياناتي
web-not-found = هذه الصفحة غير موجودة. اكتبوا سؤالكم ببساطة في حقل البحث في الأعلى.
web-too-long = سؤالكم طويل جدًا. يرجى صياغته في جمل قليلة.
web-case = محادثتك مع فريق الاستشارة
web-message = رسالتك إلى فريق الاستشارة
web-send = إرسال
web-message-empty = يرجى كتابة رسالة أولاً.
admin-title = Lotse: الإدارة
admin-token = رمز المشرف
admin-login = تسجيل الدخول
admin-needs-token = هذه الصفحة مخصصة للقائمين على Lotse. يرجى تسجيل الدخول برمز المشرف.
admin-wrong-token = هذا الرمز غير صحيح.
admin-disabled = صفحة الإدارة معطّلة لأنه لم يتم إعداد رمز مشرف (LOTSE_ADMIN_TOKEN).
admin-coverage = ترجمات قاعدة المعرفة
admin-coverage-language = اللغة
admin-coverage-complete = المدخلات المكتملة
admin-reload = إعادة التحميل
admin-reload-last = آخر إعادة تحميل: { $when }
admin-reload-never = لم تتم إعادة تحميل قاعدة المعرفة منذ التشغيل.
admin-reload-button = أعد تحميل قاعدة المعرفة الآن
admin-reload-force = حمّل حتى لو اختفى أكثر من نصف المدخلات
report-title = لوتسه: ما سأل عنه الناس، آخر { $period }
report-summary = { $queries } استفسارًا، { $zero } بلا نتائج ({ $share } %)، { $ratings } تقييمًا. زمن الإجابة p50 { $p50 } µs، p90 { $p90 } µs، p99 { $p99 } µs.
report-per-day = الاستفسارات يوميًا حسب اللغة
report-per-day-max = { $max } يوميًا
report-share = نسبة الاستفسارات بلا نتائج
report-share-label = { $share } % بلا نتائج
report-gaps = أكثر الاستفسارات بلا نتائج: ما ينقص المعرفة
report-no-queries = لا توجد استفسارات في هذه الفترة.
report-no-gaps = وجد كل استفسار شيئًا.
report-per-lang = الاستفسارات حسب اللغة
report-top = أكثر الاستفسارات
report-feedback = التقييمات لكل مدخل
report-col-language = اللغة
report-col-queries = الاستفسارات
report-col-query = الاستفسار
report-col-count = العدد
report-col-entry = المدخل

## The handover to a counsellor (/counsellor)
command-counsellor = التحدث مع مستشار من الشبكة
button-counsellor = 💬 التحدث مع مستشار
handover-private-only = التحدث مع مستشار ممكن فقط في محادثة خاصة مع Lotse. اكتب لي هناك /counsellor.
handover-unavailable = لا يمكن الوصول إلى المستشارين الآن. يرجى المحاولة لاحقًا أو التواصل مع الشبكة مباشرة (/contacts).
handover-consent-title = التحدث مع مستشار
handover-consent-shared = إذا وافقت، يرى فريق الاستشارة في الشبكة سؤالك ولغتك وعمليات البحث التي قمت بها في هذه المحادثة وكل ما ترسله ما دامت الحالة مفتوحة (بما في ذلك الصور والمستندات). لا يرى اسمك ولا معرّفك في Telegram، إلا إذا كتبت بيانات الاتصال بنفسك.
handover-consent-shared-web = إذا وافقت، يرى فريق الاستشارة في الشبكة سؤالك ولغتك وعمليات بحثك في هذه الزيارة وكل ما تكتبه ما دامت الحالة مفتوحة. لا يعرفون من أنت، إلا إذا كتبت بيانات الاتصال بنفسك.
handover-consent-kept = يحفظ Lotse عن حالتك أرقامًا وأوقاتًا فقط، دون نصوص، ويحذفها بعد إغلاقها بعدد أيام: { $days }؛ ومع /forget فورًا، وكذلك في محادثة فريق الاستشارة.
handover-consent-emergency = هذه ليست خدمة طوارئ. في حالة الطوارئ اتصل بالرقم 112 (الإسعاف، الإطفاء) أو 110 (الشرطة).
button-consent-yes = ✅ نعم، صِلني بمستشار
button-consent-no = لا، شكرًا
handover-declined = حسنًا، لم تتم مشاركة أي شيء.
handover-opened = تم فتح حالتك رقم { $case }. اكتب سؤالك هنا: كل ما ترسله الآن يصل إلى فريق الاستشارة، بما في ذلك الصور والمستندات. الأوامر مثل /help تبقى تعمل.
handover-opened-web = تم فتح حالتك رقم { $case }. اكتب سؤالك في الأسفل، في الحقل المخصص لفريق الاستشارة. تظهر الردود في هذه الصفحة؛ لا يمكن للموقع نقل الصور أو الملفات.
handover-status = حالتك رقم { $case } مفتوحة.
handover-routing-counsellor = رسائلك تذهب إلى فريق الاستشارة.
handover-routing-search = يبحث Lotse الآن في رسائلك؛ ردود فريق الاستشارة تصلك هنا كما من قبل.
button-write-counsellor = 💬 الكتابة إلى المستشار
button-search-instead = 🔎 اسأل Lotse بدلًا من ذلك
button-end-case = ✖ إنهاء الحالة
handover-received = شكرًا، وصلت رسالتك إلى فريق الاستشارة.
handover-expect-open = الفريق في العمل الآن ويرد عادةً خلال عدد ساعات: { $hours }.
handover-expect-closed = الفريق ليس في العمل الآن. ستحصل على رد ابتداءً من يوم { $day }، الساعة { $opens }:00 (ساعات العمل { $opens }:00 إلى { $closes }:00 بتوقيت ألمانيا).
handover-expect-later = سيرد الفريق بمجرد عودته إلى العمل.
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
handover-no-case = ليست لديك حالة مفتوحة الآن. الأمر /counsellor يفتح حالة جديدة.
handover-closed = تم إغلاق حالتك رقم { $case }. شكرًا! يرد Lotse على رسائلك من جديد؛ الأمر /counsellor يفتح حالة جديدة.
handover-from-counsellor = 💬 رد من مستشار (الحالة رقم { $case }):
handover-not-delivered = تعذّر الآن تمرير رسالتك إلى فريق الاستشارة. يرجى إرسالها مرة أخرى لاحقًا.
handover-web-file = أرسل المستشار ملفاً (صورة أو مستنداً) لا يمكن عرضه إلا في تيليغرام. اطلب منه أن يكتبه هنا نصاً.
handover-consent-web-kept = على الموقع تُحفظ ردود فريق الاستشارة عليك مشفّرة حتى تتمكن صفحتك من عرضها، وتُحذف مع الحالة.
privacy-handover = إذا وافقت عبر /counsellor على التحدث مع مستشار، يرى الفريق سؤالك ولغتك وعمليات البحث وما ترسله في الحالة. يحفظ Lotse لذلك اسمك المستعار وأرقامًا وأوقاتًا فقط، ومعرّف المحادثة مشفرًا فقط وما دامت الحالة مفتوحة فقط. تُحذف الحالات المغلقة بعد عدد أيام: { $days }، ومع /forget فورًا، وكذلك في محادثة فريق الاستشارة.
privacy-handover-web = على الموقع يحفظ Lotse ردود فريق الاستشارة عليك مشفّرة حتى تتمكن صفحتك من عرضها؛ وتُحذف مع الحالة. هذا هو نص الرسائل الوحيد الذي يحفظه Lotse.

## For the staff chat (always shown in German)
staff-no-category = عام
staff-card-title = الحالة رقم { $case }
staff-topic-again = كان موضوع هذه الحالة قد حُذف وتم إنشاؤه من جديد.
staff-card-lang = اللغة
staff-card-question = السؤال
staff-card-no-question = لا يوجد بعد؛ ستتبعه رسائل الشخص
staff-card-searches = عمليات البحث في هذه المحادثة والمداخل المعروضة:
staff-card-nothing-shown = لم يُعثر على شيء
staff-card-how = ما عليك إلا الرد في هذا الموضوع: تصل رسالتك إلى الشخص. /note … يبقى داخليًا، /close يغلق الحالة، /cases يعرض كل الحالات المفتوحة.
staff-lang = { $code ->
    [de] الألمانية
    [en] الإنجليزية
    [ar] العربية
    [fa] الفارسية
    [ps] البشتوية
    [tr] التركية
    [kmr] الكردية (الكرمانجية)
    [ru] الروسية
    [uk] الأوكرانية
    [pl] البولندية
    [ro] الرومانية
    [fr] الفرنسية
   *[other] { $code }
} ({ $code })
staff-closed-by-user = أنهى الشخص الحالة.
staff-user-unreachable = لم يعد الوصول إلى الشخص ممكنًا (لقد حظر Lotse). الحالة مغلقة؛ لم يُسلَّم الرد الأخير.
staff-not-delivered = هذه الحالة مغلقة: لم تُسلَّم الرسالة.
staff-already-closed = هذه الحالة مغلقة بالفعل.
staff-card-door = القناة
staff-door = { $door ->
    [web] الموقع الإلكتروني
   *[other] Telegram
}
staff-web-visitor = رسالة عبر الموقع:
staff-web-text-only = هذا الشخص يكتب عبر الموقع ولا يرى هناك إلا النص: لا يستطيع Lotse أن يعرض له الصور أو الملفات. يرجى كتابة المهم نصاً.
staff-cases-title = { $count ->
    [0] لا توجد حالات مفتوحة.
   *[other] الحالات المفتوحة: { $count }
}
staff-case-open = مفتوحة منذ { $age }
staff-unanswered = تنتظر الرد منذ { $age }
staff-age-minutes = { $minutes } دقيقة
staff-age-hours = { $hours } ساعة
