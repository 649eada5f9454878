# Lotse: د کارن انټرفېس متنونه په پښتو ژبه.
# هر پیغام باید په ټولو دولسو ژبو کې، د الماني فایل په څېر له ورته
# متغیرونو سره، شتون ولري. د امرونو نومونه (/help) او متغیرونه نه ژباړل کېږي.

## هرکلی او مرسته

start-greeting = Lotse ته ښه راغلاست!
start-about = زه تاسو ته د عامه ادارو لپاره د معلوماتو او مشورې د شبکې (د Pro Qualifizierung تخصصي مرکز، IQ شبکه) خدمتونه، خپرونې او د اړیکو معلومات پیدا کوم.
start-how = یوازې په خپله ژبه ماته ولیکئ چې څه لټوئ. د بېلګې په توګه:
example-recognition = د سند معادل کول
example-contact = د مسؤل کس د تلیفون شمېره
example-training = بین الکلتوري روزنه
start-categories = یا یوه کټګوري وټاکئ:

help-title = Lotse څنګه له تاسو سره مرسته کوي
help-search = یوه پوښتنه یا څو کلیدي کلمې ولیکئ. زه به تاسو ته اړونده پایلې وښیم؛ د «جزییات» په وسیله د یوې پایلې په اړه ټول معلومات لیدلی شئ.
help-commands = امرونه:
help-examples = د پوښتنو بېلګې:

## امرونه (د مینو او /help لپاره)

command-start = هرکلی او لنډه کتنه
command-language = ژبه وټاکئ
command-help = مرسته او بېلګې
command-offers = د شبکې خدمتونه
command-publications = خپرونې
command-contacts = اړیکې
command-about = د شبکې او تخصصي مرکز په اړه

## ژبه

language-choose = مهرباني وکړئ خپله ژبه وټاکئ.
language-set = له اوس وروسته به تاسو ته په پښتو ژبه ځواب درکوم.
language-detected = تاسو په پښتو ولیکل، نو زه په پښتو ځواب درکوم.
button-switch-language = تل په پښتو ځواب راکړه

## کټګورۍ او د توکو ډولونه

category-offers = خدمتونه
category-publications = خپرونې
category-contacts = اړیکې
category-about = زموږ په اړه
kind-offer = خدمت
kind-publication = خپرونه
kind-contact = اړیکه
kind-organisation = سازمان
kind-link = لینک
browse-title = { $category }: { $count ->
    [one] یو توکی
   *[other] { $count } توکي
}

## لټون

results-title = { $count ->
    [one] یوه پایله مې پیدا کړه:
   *[other] { $count } پایلې مې پیدا کړې:
}
results-page = پاڼه { $page } له { $pages } څخه
button-details = جزییات
button-more = نورې پایلې
button-previous = مخکنۍ پاڼه
button-menu = مینو
feedback-question = ایا دا ځواب ګټور و؟
feedback-thanks = ستاسو له نظر څخه مننه!
no-results = بښنه غواړم، په دې اړه مې څه پیدا نه کړل.
no-results-try = نورې کلمې وازمویئ، یا کټګورۍ وګورئ.
no-results-contact = تاسو کولی شئ له شبکې سره مستقیمه اړیکه هم ونیسئ:
no-results-portal = د دې موضوع په اړه رسمي پورټال:
results-related = کېدای شي دا توکي ستاسو له پوښتنې سره اړیکه ولري:

## د یوې پایلې جزییات

detail-german-only = دا برخه یوازې په الماني ژبه شته.
detail-series = لړۍ
detail-issue = ګڼه
detail-year = کال
detail-publisher = خپرونکی
detail-place = ځای
detail-date = نېټه
detail-target-groups = د چا لپاره
detail-person = د اړیکې کس
detail-role = دنده
detail-organisation = سازمان
detail-address = پته
detail-phone = تلیفون
detail-fax = فکس
detail-email = برېښنالیک
detail-website = ویب پاڼه
detail-link = لینک
detail-contact = د اړیکې کس
detail-related = دا هم وګورئ
button-save-contact = د اړیکې په توګه خوندي کړئ
button-open-website = ویب پاڼه پرانیزئ

## هغه څه چې سم نه راځي

unknown-command = زه دا امر نه پېژنم. د /help په مرسته لیدلی شئ چې زه څه کولی شم.
text-only = زه یوازې متن لوستلی شم. مهرباني وکړئ خپله پوښتنه ماته د پیغام په توګه ولیکئ.
stale-button = دا تڼۍ نور اعتبار نه لري. مهرباني وکړئ یو ځل بیا وپوښتئ.
not-your-button = دا تڼۍ د بل چا د غوښتنې ده. خپله پوښتنه وکړئ، نو خپلې تڼۍ به ترلاسه کړئ.
empty-query = ماته ولیکئ چې څه لټوئ، د بېلګې په توګه «د سند معادل کول» یا «اړیکه».
rate-limited = تاسو همدا اوس ما ته ډېر زيات پیغامونه راولېږل. د لنډ ځنډ وروسته به نورو ته ځواب ورکړم؛ مهرباني وکړئ بیا خپله پوښتنه بیا راولېږئ.
answer-failed = بښنه غواړم، په دې ځواب کې څه ستونزه پیدا شوه. مهرباني وکړئ لږ وروسته بیا هڅه وکړئ.

## په ټرمینل کې چټ

chat-choose = د یوې تڼۍ د کېکاږلو لپاره یې شمېره ولیکئ.
chat-bye = په مخه مو ښه!
chat-no-button = { $count ->
    [0] دلته د { $number } شمېرې تڼۍ نشته. مهرباني وکړئ خپله پوښتنه په کلمو ولیکئ.
   *[other] دلته د { $number } شمېرې تڼۍ نشته. له 1 څخه تر { $count } پورې یوه شمېره ولیکئ، یا خپله پوښتنه په کلمو ولیکئ.
}
chat-see-above = پورته انتخابونه لا هم د اعتبار وړ دي: د هغوی یوه شمېره ولیکئ.

## د معلوماتو خوندیتوب او ړنګول

command-privacy = Lotse څه خوندي کوي
command-forget = زما معلومات ړنګ کړئ
privacy-title = په Lotse کې د معلوماتو خوندیتوب
privacy-what = Lotse هغه ژبه چې تاسو ټاکلې ده او هغه څه چې تاسو یې لټوئ خوندي کوي: د لټون متن، د پایلو شمېر او ستاسو ارزونې د 👍 یا 👎 په وسیله.
privacy-who = ستاسو د ټیلیګرام د پېژندنې شمېره هېڅکله په لوستلو وړ بڼه نه خوندي کېږي، یوازې د یوه مستعار نوم په توګه چې له هغه څخه ستاسو شمېره بېرته نه شي موندل کېدای. په ګروپونو کې Lotse یوازې هغه پیغامونه خوندي کوي چې Lotse ته لیکل شوي وي.
privacy-why = په دې توګه هغه کسان چې Lotse چلوي ګوري چې خلک څه لټوي او لا څه کم دي.
privacy-how-long = { $days ->
    [one] ټول معلومات له یوې ورځې وروسته ړنګېږي.
   *[other] ټول معلومات له { $days } ورځو وروسته ړنګېږي.
}
privacy-forget = د /forget په مرسته هغه ټول څه چې Lotse ستاسو په اړه خوندي کړي دي، سمدستي ړنګولی شئ.
forget-confirm = ایا Lotse دې اوس ستاسو ژبه، لټونونه او ارزونې ړنګ کړي؟
button-forget-yes = هو، هر څه ړنګ کړئ
button-forget-no = لغوه کړئ
forget-done = ترسره شو: Lotse هغه ټول څه ړنګ کړل چې ستاسو په اړه یې خوندي کړي وو.
forget-cancelled = سمه ده، هېڅ شی ړنګ نه شو.
forget-failed = Lotse اوس ستاسو معلومات نه شو ړنګولای. دا به پخپله هڅې ته دوام ورکړي او څنګه چې ممکنه شي، هغه به ړنګ کړي. د ډاډ لپاره، وروسته بیا /forget ولېږئ.

## د مدیرانو لپاره

admin-stats = { $days ->
    [one] وروستۍ ورځ: { $queries } لټونونه، چې { $zero } یې بې پایلې وو؛ { $feedback } ارزونې.
   *[other] وروستۍ { $days } ورځې: { $queries } لټونونه، چې { $zero } یې بې پایلې وو؛ { $feedback } ارزونې.
}
admin-top-gaps = تر ټولو ډېر تکرار شوي لټونونه چې پایله یې نه درلوده:
admin-reload-done = د پوهې زېرمه بیا بار شوه: { $entries } توکي.
admin-reload-failed = د پوهې زېرمه تېروتنې لري او بیا بار نه شوه؛ پخوانۍ نسخه فعاله پاتې کېږي. تېروتنې: { $errors }
admin-reload-refused = د پوهې زېرمه بیا بار نه شوه: فولډر به د { $before } پر ځای یوازې { $after } ننوتنې درلودې؛ پخوانۍ نسخه فعاله پاتې کېږي. که دا په قصد وي، /reload force ولېږئ.

## وېب پاڼه

web-title = Lotse – د خدمتونو، خپرونو او اړیکو لپاره ستاسو لارښود
web-question = ستاسو پوښتنه
web-ask = وپوښتئ
web-languages = ژبه
web-skip = منځپانګې ته لاړ شئ
web-answer = ځواب
web-privacy = د معلوماتو ساتنه
web-forget = زما معلومات ړنګ کړئ
web-not-found = دا پاڼه نشته. خپله پوښتنه په پورته د لټون په ځای کې ولیکئ.
web-too-long = ستاسو پوښتنه ډېره اوږده ده. مهرباني وکړئ په څو جملو کې یې ولیکئ.
web-case = د مشورې ټیم سره ستاسو خبرې
web-message = د مشورې ټیم ته ستاسو پیغام
web-send = لېږل
web-message-empty = مهرباني وکړئ لومړی یو پیغام ولیکئ.
admin-title = Lotse: اداره
admin-token = د مدیر ټوکن
admin-login = ننوتل
admin-needs-token = دا پاڼه د هغو کسانو لپاره ده چې د Lotse پاملرنه کوي. مهرباني وکړئ د مدیر په ټوکن ننوځئ.
admin-wrong-token = دا ټوکن سم نه دی.
admin-disabled = د ادارې پاڼه بنده ده، ځکه چې د مدیر هیڅ ټوکن (LOTSE_ADMIN_TOKEN) نه دی ټاکل شوی.
admin-coverage = د پوهې د زېرمې ژباړې
admin-coverage-language = ژبه
admin-coverage-complete = بشپړې ننوتنې
admin-reload = بیا بارول
admin-reload-last = وروستی ځل بیا بار شو: { $when }
admin-reload-never = د پیل راهیسې د پوهې زېرمه بیا نه ده بار شوې.
admin-reload-button = اوس د پوهې زېرمه بیا بار کړئ
admin-reload-force = که له نیمایي ډېرې ننوتنې ورکې شي هم، بار یې کړئ
report-title = لوتسه: خلکو څه وپوښتل، وروستي { $period }
report-summary = { $queries } پوښتنې، { $zero } بې پایلې ({ $share } %)، { $ratings } ارزونې. د ځواب وخت p50 { $p50 } µs، p90 { $p90 } µs، p99 { $p99 } µs.
report-per-day = پوښتنې په ورځ کې د ژبې له مخې
report-per-day-max = { $max } په ورځ کې
report-share = د بې پایلې پوښتنو برخه
report-share-label = { $share } % بې پایلې
report-gaps = تر ټولو ډېرې بې پایلې پوښتنې: هغه څه چې په پوهه کې نشته
report-no-queries = په دې موده کې هېڅ پوښتنه نه وه.
report-no-gaps = هرې پوښتنې یو څه وموندل.
report-per-lang = پوښتنې د ژبې له مخې
report-top = تر ټولو ډېرې پوښتنې
report-feedback = ارزونې د هرې ننوتنې لپاره
report-col-language = ژبه
report-col-queries = پوښتنې
report-col-query = پوښتنه
report-col-count = شمېر
report-col-entry = ننوتنه

## The handover to a counsellor (/counsellor)
command-counsellor = د شبکې له یوه سلاکار سره خبرې
button-counsellor = 💬 له سلاکار سره خبرې
handover-private-only = له سلاکار سره خبرې یوازې له Lotse سره په شخصي چټ کې کېدای شي. هلته ماته /counsellor ولیکئ.
handover-unavailable = اوس سلاکارانو ته لاسرسی نشته. مهرباني وکړئ وروسته بیا هڅه وکړئ یا په مستقیم ډول له شبکې سره اړیکه ونیسئ (/contacts).
handover-consent-title = له سلاکار سره خبرې
handover-consent-shared = که موافق یاست، د شبکې د سلاکارۍ ټیم ستاسو پوښتنه، ستاسو ژبه، په دې خبرو اترو کې ستاسو لټونونه او هر هغه څه ویني چې تاسو یې تر هغه وخته لېږئ چې قضیه خلاصه وي (انځورونه او اسناد هم). ستاسو نوم او د Telegram پېژند نه ویني، مګر دا چې تاسو پخپله د اړیکې معلومات ولیکئ.
handover-consent-shared-web = که تاسو موافقه وکړئ، د شبکې د مشورې ټیم ستاسو پوښتنه، ستاسو ژبه، په دې لیدنه کې ستاسو لټونونه او هر هغه څه ویني چې تر هغه چې قضیه خلاصه وي لیکئ یې. دوی نه پوهېږي چې تاسو څوک یاست، مګر دا چې تاسو پخپله د اړیکې معلومات ولیکئ.
handover-consent-kept = پخپله Lotse ستاسو د قضیې په اړه یوازې شمېرې او وختونه ساتي، متنونه نه، او د تړلو نه { $days } ورځې وروسته یې ړنګوي؛ د /forget سره سمدستي، د سلاکارانو په چټ کې هم.
handover-consent-emergency = دا بېړني خدمت نه دی. په بېړني حالت کې 112 (امبولانس، اور وژونکي) یا 110 (پولیس) ته زنګ ووهئ.
button-consent-yes = ✅ هو، له سلاکار سره مې ونښلوئ
button-consent-no = نه، مننه
handover-declined = سمه ده، هېڅ شی شریک نه شو.
handover-opened = ستاسو قضیه { $case } شمېره خلاصه شوه. خپله پوښتنه دلته ولیکئ: هر څه چې اوس لېږئ، انځورونه او اسناد هم، د سلاکارۍ ټیم ته ځي. لکه /help غوندې امرونه لا هم کار کوي.
handover-opened-web = ستاسو قضیه { $case } شمېره خلاصه شوه. خپله پوښتنه لاندې د مشورې ټیم لپاره په ځانګړې خانه کې ولیکئ. ځوابونه په همدې پاڼه کې ښکاري؛ ویب پاڼه انځورونه یا فایلونه نشي لېږدولی.
handover-status = ستاسو قضیه { $case } شمېره خلاصه ده.
handover-routing-counsellor = ستاسو پیغامونه د سلاکارۍ ټیم ته ځي.
handover-routing-search = اوس Lotse ستاسو پیغامونه لټوي؛ د ټیم ځوابونه لا هم همدلته درته رسېږي.
button-write-counsellor = 💬 سلاکار ته لیکل
button-search-instead = 🔎 پر ځای یې له Lotse وپوښتئ
button-end-case = ✖ قضیه پای ته ورسوئ
handover-received = مننه، ستاسو پیغام د سلاکارۍ ټیم ته ورسېد.
handover-expect-open = ټیم اوس په کار دی او معمولاً په { $hours } ساعتونو کې ځواب ورکوي.
handover-expect-closed = ټیم اوس په کار نه دی. ځواب به له { $day } ورځې، ساعت { $opens }:00 نه وروسته ترلاسه کړئ (د کار وخت { $opens }:00 تر { $closes }:00، د آلمان وخت).
handover-expect-later = ټیم به ځواب درکړي کله چې بېرته کار ته راشي.
weekday-1 = دوشنبه
weekday-2 = سه شنبه
weekday-3 = چهارشنبه
weekday-4 = پنجشنبه
weekday-5 = جمعه
weekday-6 = شنبه
weekday-7 = یکشنبه
handover-no-case = اوس مهال تاسو خلاصه قضیه نه لرئ. /counsellor یوه نوې قضیه خلاصوي.
handover-closed = ستاسو قضیه { $case } شمېره وتړل شوه. مننه! اوس بیا Lotse ستاسو پیغامونو ته ځواب ورکوي؛ /counsellor نوې قضیه خلاصوي.
handover-from-counsellor = 💬 د سلاکار ځواب (قضیه { $case } شمېره):
handover-not-delivered = ستاسو پیغام اوس د سلاکارۍ ټیم ته ونه لېږدول شو. مهرباني وکړئ وروسته یې بیا ولېږئ.
handover-web-file = مشاور یو فایل (انځور یا سند) لېږلی چې یوازې ټلګرام یې ښودلی شي. ترې وغواړئ چې دلته یې د متن په توګه ولیکي.
handover-consent-web-kept = په ویب پاڼه کې ستاسو لپاره د مشورې ټیم ځوابونه کوډ شوي ساتل کېږي څو ستاسو پاڼه یې وښيي، او د قضیې سره ړنګېږي.
privacy-handover = که تاسو د /counsellor له لارې له سلاکار سره خبرو ته موافق شئ، ټیم ستاسو پوښتنه، ژبه، لټونونه او هغه څه ویني چې تاسو یې په قضیه کې لېږئ. Lotse د دې لپاره یوازې ستاسو مستعار نوم، شمېرې او وختونه ساتي، او د چټ پېژند یوازې کوډ شوی او یوازې تر هغه وخته چې قضیه خلاصه وي. تړلې قضیې له { $days } ورځو وروسته ړنګېږي، د /forget سره سمدستي، د سلاکارانو په چټ کې هم.
privacy-handover-web = په ویب پاڼه کې Lotse ستاسو لپاره د مشورې ټیم ځوابونه کوډ شوي ساتي څو ستاسو پاڼه یې وښيي؛ دا د قضیې سره ړنګېږي. دا یوازینی د پیغام متن دی چې Lotse یې ساتي.

## For the staff chat (always shown in German)
staff-no-category = عمومي
staff-card-title = قضیه { $case } شمېره
staff-topic-again = د دې قضیې موضوع ړنګه شوې وه او بیا جوړه شوه.
staff-card-lang = ژبه
staff-card-question = پوښتنه
staff-card-no-question = تر اوسه نشته؛ د دې کس پیغامونه راځي
staff-card-searches = په دې خبرو اترو کې لټونونه او ښودل شوي توکي:
staff-card-nothing-shown = هېڅ ونه موندل شو
staff-card-how = یوازې په همدې موضوع کې ځواب ورکړئ: ستاسو پیغام دې کس ته ځي. /note … داخلي پاتې کېږي، /close قضیه تړي، /cases ټولې خلاصې قضیې ښيي.
staff-lang = { $code ->
    [de] الماني
    [en] انګلیسي
    [ar] عربي
    [fa] فارسي
    [ps] پښتو
    [tr] ترکي
    [kmr] کردي (کرمانجي)
    [ru] روسي
    [uk] اوکرایني
    [pl] پولنډي
    [ro] رومانیايي
    [fr] فرانسوي
   *[other] { $code }
} ({ $code })
staff-closed-by-user = دې کس قضیه پای ته ورسوله.
staff-user-unreachable = دې کس ته نور لاسرسی نشته (Lotse یې بند کړی). قضیه وتړل شوه؛ وروستی ځواب ونه رسېد.
staff-not-delivered = دا قضیه تړل شوې ده: پیغام ونه رسېد.
staff-already-closed = دا قضیه لا دمخه تړل شوې ده.
staff-card-door = چینل
staff-door = { $door ->
    [web] ویب پاڼه
   *[other] Telegram
}
staff-web-visitor = د ویب پاڼې له لارې پیغام:
staff-web-text-only = دا کس د ویب پاڼې له لارې لیکي او هلته یوازې متن ویني: Lotse ورته انځورونه یا فایلونه نشي ښودلی. مهرباني وکړئ مهم شیان د متن په توګه ولیکئ.
staff-cases-title = { $count ->
    [0] خلاصه قضیه نشته.
   *[other] خلاصې قضیې: { $count }
}
staff-case-open = له { $age } راهیسې خلاصه
staff-unanswered = له { $age } راهیسې د ځواب په تمه
staff-age-minutes = { $minutes } دقیقې
staff-age-hours = { $hours } ساعته
