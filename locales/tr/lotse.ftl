# Lotse: arayüz metinleri Türkçe.
# Her mesaj on iki dilin hepsinde, Almanca dosyadakiyle aynı değişkenlerle
# bulunur. Komut adları (/help) ve değişkenler çevrilmez.

## Karşılama ve yardım

start-greeting = Lotse’ye hoş geldiniz!
start-about = Sizin için Kamu Yönetimleri Bilgi ve Danışmanlık Ağı’nın (Kompetenzzentrum Pro Qualifizierung, IQ ağı) hizmetlerini, yayınlarını ve iletişim bilgilerini buluyorum.
start-how = Ne aradığınızı kendi dilinizde bana yazmanız yeterli. Örneğin:
example-recognition = diploma denkliği
example-contact = irtibat kişisinin telefon numarası
example-training = kültürlerarası eğitim
start-categories = Ya da bir kategori seçin:

help-title = Lotse size nasıl yardımcı olur
help-search = Bir soru ya da birkaç anahtar kelime yazın. Size uygun kayıtları gösteririm; “Ayrıntılar” ile bir kayıtla ilgili her şeyi görürsünüz.
help-commands = Komutlar:
help-examples = Örnek sorular:

## Komutlar (menü ve /help için)

command-start = Karşılama ve genel bakış
command-language = Dil seçin
command-help = Yardım ve örnekler
command-offers = Ağın hizmetleri
command-publications = Yayınlar
command-contacts = İletişim
command-about = Ağ ve yetkinlik merkezi hakkında

## Dil

language-choose = Lütfen dilinizi seçin.
language-set = Bundan sonra size Türkçe cevap vereceğim.
language-detected = Türkçe yazdınız, bu yüzden Türkçe cevap veriyorum.
button-switch-language = Her zaman Türkçe cevap ver

## Kategoriler ve kayıt türleri

category-offers = Hizmetler
category-publications = Yayınlar
category-contacts = İletişim
category-about = Hakkımızda
kind-offer = Hizmet
kind-publication = Yayın
kind-contact = İletişim
kind-organisation = Kuruluş
kind-link = Bağlantı
browse-title = { $category }: { $count ->
    [one] bir kayıt
   *[other] { $count } kayıt
}

## Arama

results-title = { $count ->
    [one] Bir kayıt buldum:
   *[other] { $count } kayıt buldum:
}
results-page = Sayfa { $page } / { $pages }
button-details = Ayrıntılar
button-more = Daha fazla sonuç
button-previous = Önceki sayfa
button-menu = Menü
feedback-question = Bu cevap işinize yaradı mı?
feedback-thanks = Geri bildiriminiz için teşekkür ederim!
no-results = Üzgünüm, bununla ilgili bir şey bulamadım.
no-results-try = Başka kelimelerle deneyin ya da kategorilere göz atın.
no-results-contact = Doğrudan ağa da başvurabilirsiniz:
no-results-portal = Bu konudaki resmî portal:
results-related = Bu kayıtlar sorunuzla ilgili olabilir:

## Bir kaydın ayrıntıları

detail-german-only = Bu bölüm yalnızca Almanca olarak mevcuttur.
detail-series = Dizi
detail-issue = Sayı
detail-year = Yıl
detail-publisher = Yayıncı
detail-place = Yer
detail-date = Tarih
detail-target-groups = Hedef kitle
detail-person = İrtibat kişisi
detail-role = Görevi
detail-organisation = Kuruluş
detail-address = Adres
detail-phone = Telefon
detail-fax = Faks
detail-email = E-posta
detail-website = İnternet sitesi
detail-link = Bağlantı
detail-contact = İrtibat kişisi
detail-related = Ayrıca bakınız
button-save-contact = Kişi olarak kaydet
button-open-website = İnternet sitesini aç

## Anlaşılamayan şeyler

unknown-command = Bu komutu bilmiyorum. Neler yapabildiğimi /help ile görebilirsiniz.
text-only = Yalnızca metin okuyabiliyorum. Lütfen sorunuzu bana mesaj olarak yazın.
stale-button = Bu düğme artık geçerli değil. Lütfen sorunuzu yeniden sorun.
not-your-button = Bu düğme başka birinin isteğine ait. Kendi sorunuzu sorun, kendi düğmelerinizi alırsınız.
empty-query = Ne aradığınızı bana yazın, örneğin “denklik” ya da “iletişim”.
rate-limited = Bana az önce çok sayıda mesaj gönderdiniz. Kısa bir aradan sonra yenilerini yanıtlayacağım; lütfen sorunuzu o zaman tekrar gönderin.
answer-failed = Özür dilerim, bu yanıtta bir sorun oluştu. Lütfen birazdan tekrar deneyin.

## Terminal sohbeti

chat-choose = Bir düğmeye basmak için numarasını yazın.
chat-bye = Hoşça kalın!
chat-no-button = { $count ->
    [0] Burada { $number } numaralı bir düğme yok. Lütfen sorunuzu kelimelerle yazın.
   *[other] Burada { $number } numaralı bir düğme yok. 1 ile { $count } arasında bir numara yazın ya da sorunuzu kelimelerle yazın.
}
chat-see-above = Yukarıdaki seçenekler hâlâ geçerli: numaralarından birini yazın.

## Veri koruma ve silme

command-privacy = Lotse neleri kaydeder
command-forget = Verilerimi sil
privacy-title = Lotse’de veri koruma
privacy-what = Lotse seçtiğiniz dili ve ne aradığınızı kaydeder: arama metnini, bulunan sonuç sayısını ve 👍 ya da 👎 ile verdiğiniz değerlendirmeleri.
privacy-who = Telegram kimliğiniz hiçbir zaman olduğu gibi kaydedilmez, yalnızca bir takma ad olarak kaydedilir; bu takma addan kimliğiniz geri elde edilemez. Gruplarda Lotse yalnızca Lotse’ye yazılan mesajları kaydeder.
privacy-why = Böylece Lotse’yi yürüten kişiler, insanların ne aradığını ve neyin hâlâ eksik olduğunu görür.
privacy-how-long = { $days ->
    [one] Tüm veriler bir gün sonra silinir.
   *[other] Tüm veriler { $days } gün sonra silinir.
}
privacy-forget = /forget ile Lotse’nin hakkınızda kaydettiği her şeyi hemen silersiniz.
forget-confirm = Diliniz, aramalarınız ve değerlendirmeleriniz şimdi Lotse’den silinsin mi?
button-forget-yes = Evet, hepsini sil
button-forget-no = İptal
forget-done = Tamamlandı: Lotse, hakkınızda kaydettiği her şeyi sildi.
forget-cancelled = Peki, hiçbir şey silinmedi.
forget-failed = Lotse verilerinizi şu anda silemedi. Kendiliğinden denemeye devam ediyor ve mümkün olur olmaz silecek. Emin olmak için daha sonra /forget komutunu yeniden gönderin.

## Yöneticiler için

admin-stats = { $days ->
    [one] Son gün: { $queries } arama, bunların { $zero } tanesi sonuçsuz; { $feedback } değerlendirme.
   *[other] Son { $days } gün: { $queries } arama, bunların { $zero } tanesi sonuçsuz; { $feedback } değerlendirme.
}
admin-top-gaps = En sık yapılan sonuçsuz aramalar:
admin-reload-done = Bilgi tabanı yeniden yüklendi: { $entries } kayıt.
admin-reload-failed = Bilgi tabanında hatalar var, bu yüzden yeniden yüklenmedi; önceki sürüm etkin kalıyor. Hatalar: { $errors }
admin-reload-refused = Bilgi tabanı yeniden yüklenmedi: klasörde { $before } yerine yalnızca { $after } kayıt kalacaktı; önceki sürüm etkin kalıyor. Bu isteniyorsa /reload force gönderin.

## Web sayfası

web-title = Lotse – hizmetlere, yayınlara ve iletişim kişilerine rehberiniz
web-question = Sorunuz
web-ask = Sor
web-languages = Dil
web-skip = İçeriğe geç
web-answer = Yanıt
web-privacy = Gizlilik
web-forget = Verilerimi sil
web-not-found = Bu sayfa mevcut değil. Sorunuzu yukarıdaki arama alanına yazmanız yeterli.
web-too-long = Sorunuz çok uzun. Lütfen birkaç cümleyle ifade edin.
web-case = Danışmanlarla yazışmanız
web-message = Danışmanlara mesajınız
web-send = Gönder
web-message-empty = Lütfen önce bir mesaj yazın.
admin-title = Lotse: yönetim
admin-token = Yönetici anahtarı
admin-login = Giriş yap
admin-needs-token = Bu sayfa Lotse'nin bakımını yapan kişiler içindir. Lütfen yönetici anahtarıyla giriş yapın.
admin-wrong-token = Bu anahtar doğru değil.
admin-disabled = Yönetim sayfası kapalı, çünkü bir yönetici anahtarı (LOTSE_ADMIN_TOKEN) ayarlanmamış.
admin-coverage = Bilgi tabanının çevirileri
admin-coverage-language = Dil
admin-coverage-complete = Eksiksiz kayıtlar
admin-reload = Yeniden yükle
admin-reload-last = Son yeniden yükleme: { $when }
admin-reload-never = Bilgi tabanı başlatıldığından beri yeniden yüklenmedi.
admin-reload-button = Bilgi tabanını şimdi yeniden yükle
admin-reload-force = Kayıtların yarısından fazlası kaybolsa bile yükle
report-title = Lotse: insanların sordukları, son { $period }
report-summary = { $queries } sorgu, { $zero } sonuçsuz ({ $share } %), { $ratings } değerlendirme. Yanıt süresi p50 { $p50 } µs, p90 { $p90 } µs, p99 { $p99 } µs.
report-per-day = Dile göre günlük sorgular
report-per-day-max = Günde { $max }
report-share = Sonuçsuz sorguların oranı
report-share-label = %{ $share } sonuçsuz
report-gaps = En sık sonuçsuz sorgular: bilgide eksik olan
report-no-queries = Bu dönemde hiç sorgu yok.
report-no-gaps = Her sorgu bir şey buldu.
report-per-lang = Dile göre sorgular
report-top = En sık sorgular
report-feedback = Kayıt başına değerlendirmeler
report-col-language = Dil
report-col-queries = Sorgular
report-col-query = Sorgu
report-col-count = Sayı
report-col-entry = Kayıt

## The handover to a counsellor (/counsellor)
command-counsellor = Ağın bir danışmanıyla konuşun
button-counsellor = 💬 Danışmanla konuş
handover-private-only = Bir danışmanla konuşmak yalnızca Lotse ile özel sohbette mümkündür. Bana orada /counsellor yazın.
handover-unavailable = Danışmanlara şu anda ulaşılamıyor. Lütfen daha sonra tekrar deneyin veya doğrudan ağa başvurun (/contacts).
handover-consent-title = Danışmanla konuşun
handover-consent-shared = Kabul ederseniz ağın danışma ekibi sorunuzu, dilinizi, bu sohbetteki aramalarınızı ve dosya açık olduğu sürece gönderdiğiniz her şeyi (fotoğraf ve belgeler dahil) görür. Adınızı ve Telegram kimliğinizi görmez; iletişim bilgilerinizi kendiniz yazarsanız başka.
handover-consent-shared-web = Kabul ederseniz ağın danışma ekibi sorunuzu, dilinizi, bu ziyaretteki aramalarınızı ve dosya açık kaldığı sürece yazdığınız her şeyi görür. Kim olduğunuzu görmez; iletişim bilgilerinizi kendiniz yazarsanız görür.
handover-consent-kept = Lotse dosyanız hakkında yalnızca numara ve zaman saklar, metin saklamaz; dosyayı kapandıktan { $days } gün sonra siler, /forget ile hemen, ekibin sohbetinde de.
handover-consent-emergency = Bu bir acil yardım hattı değildir. Acil durumda 112'yi (ambulans, itfaiye) veya 110'u (polis) arayın.
button-consent-yes = ✅ Evet, danışmana bağla
button-consent-no = Hayır, teşekkürler
handover-declined = Tamam, hiçbir şey paylaşılmadı.
handover-opened = #{ $case } numaralı dosyanız açıldı. Sorunuzu buraya yazın: şimdi gönderdiğiniz her şey, fotoğraf ve belgeler dahil, danışma ekibine gider. /help gibi komutlar çalışmaya devam eder.
handover-opened-web = #{ $case } numaralı dosyanız açıldı. Sorunuzu aşağıya, danışma ekibine ayrılmış alana yazın. Yanıtlar bu sayfada görünür; web sitesi fotoğraf veya dosya iletemez.
handover-status = #{ $case } numaralı dosyanız açık.
handover-routing-counsellor = Mesajlarınız danışma ekibine gidiyor.
handover-routing-search = Mesajlarınızı artık Lotse arıyor; ekibin cevapları size yine burada ulaşır.
button-write-counsellor = 💬 Danışmana yaz
button-search-instead = 🔎 Bunun yerine Lotse'ye sor
button-end-case = ✖ Dosyayı kapat
handover-received = Teşekkürler, mesajınız danışma ekibine ulaştı.
handover-expect-open = Ekip şu anda görevde ve genellikle { $hours } saat içinde cevap verir.
handover-expect-closed = Ekip şu anda görevde değil. { $day } saat { $opens }:00'dan itibaren cevap alırsınız (çalışma saatleri { $opens }:00–{ $closes }:00, Almanya saati).
handover-expect-later = Ekip yeniden görevde olur olmaz cevap verecek.
weekday-1 = Pazartesi
weekday-2 = Salı
weekday-3 = Çarşamba
weekday-4 = Perşembe
weekday-5 = Cuma
weekday-6 = Cumartesi
weekday-7 = Pazar
handover-no-case = Şu anda açık bir dosyanız yok. /counsellor ile bir dosya açabilirsiniz.
handover-closed = #{ $case } numaralı dosyanız kapandı. Teşekkürler! Mesajlarınızı artık yine Lotse cevaplıyor; /counsellor yeni bir dosya açar.
handover-from-counsellor = 💬 Danışmanın cevabı (dosya #{ $case }):
handover-not-delivered = Mesajınız şu anda danışma ekibine iletilemedi. Lütfen daha sonra tekrar gönderin.
handover-web-file = Danışman yalnızca Telegram'ın gösterebildiği bir dosya (fotoğraf veya belge) gönderdi. Lütfen bunu burada metin olarak yazmasını isteyin.
handover-consent-web-kept = Web sitesinde danışmanların size verdiği yanıtlar, sayfanız gösterebilsin diye şifreli olarak saklanır ve vakayla birlikte silinir.
privacy-handover = /counsellor ile bir danışmanla konuşmayı kabul ederseniz ekip sorunuzu, dilinizi, aramalarınızı ve dosyada gönderdiklerinizi görür. Lotse bunun için yalnızca takma adınızı, numaraları ve zamanları, sohbet kimliğinizi ise yalnızca şifreli olarak ve yalnızca dosya açıkken saklar. Kapanan dosyalar { $days } gün sonra, /forget ile hemen silinir, ekibin sohbetinde de.
privacy-handover-web = Web sitesinde Lotse, danışmanların size verdiği yanıtları sayfanız gösterebilsin diye şifreli olarak saklar; bunlar vakayla birlikte silinir. Lotse'nin sakladığı tek mesaj metni budur.

## For the staff chat (always shown in German)
staff-no-category = Genel
staff-card-title = Dosya #{ $case }
staff-topic-again = Bu dosyanın konusu silinmişti ve yeniden açıldı.
staff-card-lang = Dil
staff-card-question = Soru
staff-card-no-question = henüz yok; kişinin mesajları gelecek
staff-card-searches = Bu sohbetteki aramalar ve gösterilen kayıtlar:
staff-card-nothing-shown = hiçbir şey bulunamadı
staff-card-how = Bu konuda cevap yazmanız yeterli: mesajınız kişiye gider. /note … dahili kalır, /close dosyayı kapatır, /cases tüm açık dosyaları listeler.
staff-lang = { $code ->
    [de] Almanca
    [en] İngilizce
    [ar] Arapça
    [fa] Farsça
    [ps] Peştuca
    [tr] Türkçe
    [kmr] Kürtçe (Kurmanci)
    [ru] Rusça
    [uk] Ukraynaca
    [pl] Lehçe
    [ro] Rumence
    [fr] Fransızca
   *[other] { $code }
} ({ $code })
staff-closed-by-user = Kişi dosyayı kapattı.
staff-user-unreachable = Kişiye artık ulaşılamıyor (Lotse'yi engelledi). Dosya kapandı; son cevap iletilmedi.
staff-not-delivered = Bu dosya kapalı: mesaj iletilmedi.
staff-already-closed = Bu dosya zaten kapalı.
staff-card-door = Kanal
staff-door = { $door ->
    [web] Web sitesi
   *[other] Telegram
}
staff-web-visitor = Web sitesi üzerinden mesaj:
staff-web-text-only = Bu kişi web sitesi üzerinden yazıyor ve orada yalnızca metin görüyor: Lotse ona fotoğraf veya dosya gösteremez. Lütfen önemli olanı metin olarak yazın.
staff-cases-title = { $count ->
    [0] Açık dosya yok.
   *[other] Açık dosyalar: { $count }
}
staff-case-open = { $age } süredir açık
staff-unanswered = { $age } süredir cevap bekliyor
staff-age-minutes = { $minutes } dk
staff-age-hours = { $hours } sa
