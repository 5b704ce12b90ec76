"""The name tables: family, female and male names per origin, with other spellings."""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Names. One entry per name: the spelling used in the file first, then other spellings met on
# papers, separated by "|"; "_" stands for a space; Cyrillic forms are the original script.

_Name = tuple[str, tuple[str, ...], str]  # (spelling, other Latin spellings, original script)


def _names(text: str) -> tuple[_Name, ...]:
    out = []
    for token in text.split():
        forms = [f.replace("_", " ") for f in token.split("|")]
        latin = tuple(f for f in forms[1:] if f[0] < "\u0370")
        native = next((f for f in forms[1:] if f[0] >= "\u0370"), "")
        out.append((forms[0], latin, native))
    return tuple(out)


_SY = (
    """Al-Hassan|Alhassan|Al_Hasan Haddad|Hadad Al-Ahmad|Alahmad Khalil|Chalil Hamdan Al-Ali|Alali
    Mansour|Mansur Darwish|Darwisch Al-Khatib|Alkhatib|Al_Chatib Sabbagh|Sabagh Hammoud|Hamoud|Hamud
    Al-Hussein|Alhussein|Al_Husain Kassem|Qasem|Kasem Nasser|Naser Al-Masri|Almasri
    Suleiman|Sulaiman|Sleiman Othman|Osman|Uthman Al-Saleh|Alsaleh Youssef|Yousef|Yusuf
    Al-Omar|Alomar
    Shaheen|Shahin|Schahin Al-Halabi|Alhalabi Barakat Al-Rifai|Alrifai|Al_Refai Aziz
    Al-Jasem|Aljasem|Al_Jassim Al-Hamwi|Alhamwi Sheikho|Scheicho|Sheiko Hasso|Hassou Abdo|Abdou
    Al-Najjar|Alnajjar|Al_Naddschar Al-Abdullah|Alabdullah""",
    """Fatima|Fatma Aisha|Aischa|Aysha Mariam|Maryam|Mariem Nour|Noor|Nur Rania Layla|Laila|Leila
    Huda|Hoda Amal Rana Salma Zainab|Zeinab|Zaynab Hiba|Heba Yasmin|Jasmin|Yasmeen Lina Dima
    Rasha|Rascha Samar Reem|Rim Hanan Asmaa|Asma Nada Sara|Sarah Walaa|Wala Ghada Rahaf
    Shaimaa|Shaima Ruqaya|Rukaya|Roqaya Berivan|Beriwan Rojin Nesrin|Nisrin""",
    """Mohammed|Muhammad|Mohamed|Mohamad Ahmad|Ahmed Ali Hussein|Husain|Hussain Omar|Umar
    Khaled|Khalid|Chaled Mahmoud|Mahmud Yusuf|Youssef|Yousef Abdulrahman|Abdul_Rahman|Abdelrahman
    Ibrahim|Ibraheem Mustafa|Moustafa Hassan|Hasan Samer Bilal Karim|Kareem Tarek|Tareq|Tarik Firas
    Rami Walid|Waleed Ammar|Amar Yasin|Yassin|Yaseen Hamza|Hamsa Abdullah|Abdallah Jamal|Dschamal
    Anas Fadi Zaid|Zeid Alaa|Ala Muhannad|Mohannad Shiyar|Schiyar Dilovan|Dilowan Rezan""",
)
_AF = (
    """Ahmadi|Ahmady Hosseini|Husseini|Hussaini Mohammadi|Muhammadi Rahimi|Rahimy Karimi Sultani
    Rezaei|Rezai|Rezaie Jafari|Jaafari|Dschafari Hakimi Azizi Amiri Haidari|Heydari|Haydari
    Noori|Nuri Safi Stanikzai|Stanekzai Popal Wardak Sadat|Saadat Nazari Yousufzai|Yusufzai
    Barakzai Kakar Sherzad|Scherzad Habibi Akbari Qaderi|Kaderi|Qadiri Rasuli|Rasouli
    Naseri|Nasiri Samadi Mirzaei|Mirzai""",
    """Fatima|Fatemeh Zahra|Sahra Maryam|Mariam Masooma|Masuma|Masoumeh Fereshta|Freshta|Fereshteh
    Nargis|Narges Parwana|Parvaneh Sakina|Sakineh Shabnam|Schabnam Tahmina|Tahmineh
    Laila|Leila|Layla Mursal Nilofar|Nilufar|Niloufar Roya Sara Somaya|Sumaya Hasina
    Gulalai|Gulalay Marzia|Marziyeh Farzana Hadia|Hadiya Frozan|Forozan Mahbooba|Mahbuba Sahar
    Arezo|Arezoo|Aresu""",
    """Mohammad|Muhammad|Mohammed Ahmad|Ahmed Ali Hamid Farid Rahmatullah|Rahmatulla
    Abdul_Rahim|Abdulrahim Mustafa Jawad|Dschawad Hussain|Hussein|Husain Sayed|Said|Seyed
    Ali_Reza|Alireza Mahdi|Mehdi Sohrab Omid|Umid Wahid|Vahid Najib|Nadschib Zabihullah|Zabiullah
    Bilal Nasir|Naser Ramin Elias|Ilyas Samiullah|Sami_Ullah Khalid|Khaled Shafiq|Schafiq
    Idris|Edris Hamed Naweed|Navid""",
)
_IQ = (
    """Al-Jubouri|Aljubouri|Al-Juburi Al-Obaidi|Alobaidi|Al-Ubaidi Al-Tamimi|Altamimi
    Al-Dulaimi|Aldulaimi|Al-Duleimi Al-Shammari|Alshammari|Al-Schammari Al-Zubaidi|Alzubaidi
    Al-Rubaie|Alrubaie|Al-Rubaiy Al-Saadi|Alsaadi Al-Khafaji|Alkhafaji Al-Musawi|Al-Mousawi|Almusawi
    Kadhim|Kazem|Kazim Jassim|Jasim|Dschasim Abbas Hamid|Hameed Salih|Saleh Mahmood|Mahmoud
    Yousif|Yousef|Yusuf Khudhur|Khidir|Khudur Murad Qasim|Kasim|Qassim Haji|Hadschi|Hajji
    Khalaf|Chalaf Khudeida|Chudaida Rashid|Raschid Sulaiman|Suleiman Othman|Osman""",
    """Zahraa|Zahra Fatima|Fatma Maryam|Mariam Noor|Nour|Nur Zainab|Zeinab|Zaynab
    Ruqaya|Roqaya|Rukaya
    Sara|Sarah Huda|Hoda Israa|Esraa|Isra Hawraa|Hawra Shahad|Schahad Dalia|Daliya Aseel|Asil
    Tabarak Rusul|Rosul Bushra|Buschra Iman|Eman Samira|Sameera Widad|Wedad Suad|Souad Nadia|Nadja
    Layla|Laila|Leila Avin|Awin Shilan|Schilan Nazdar|Nasdar Jihan|Dschihan""",
    """Mohammed|Muhammad|Mohamed Ahmed|Ahmad Ali Hussein|Hussain|Husain Mustafa|Mostafa
    Haider|Haidar|Hayder Abbas Hassan|Hasan Omar|Umar Karrar|Karar Ammar Murtadha|Murtada|Mortadha
    Zaid|Zeid Yasir|Yaser|Yasser Saif|Seif Sajjad|Sajad|Sadschad Muntadher|Muntather Ibrahim
    Khalil|Chalil Dilshad|Dilschad Rebwar Khaled|Khalid Salam Nawzad|Nausad Bashar|Baschar
    Qais|Kais|Qays Khidir|Khider|Chidir""",
)
_ER = (
    """Tesfamariam|Tesfa_Mariam|Tesfamaryam Gebremedhin|Ghebremedhin|Gebre_Medhin Haile|Hayle
    Tekle|Teklay Kidane Weldemichael|Woldemichael|Welde_Michael Gebreyesus|Ghebreyesus|Gebre_Yesus
    Tewelde|Tewolde Berhe Mehari Habte|Habtey Asfaha Ghirmay|Girmay Abraha Yemane|Yemani
    Andemariam|Ande_Mariam Zerai|Zerei Tesfalidet Woldu|Weldu Araya Kahsay|Kahsai Negash Fitsum
    Hagos Ghebrehiwet|Gebrehiwet Mesfin Okbay|Okbai""",
    """Helen|Helena Selam Senait|Seneit|Sennait Saba Rahel|Rachel Luwam|Luam Feven|Feben Ruta
    Mebrat|Mebrhat Hiwet|Hiwot Eden Aster Almaz Tsige Yodit|Yodith|Judith Winta Semhar Sara Elsa
    Tirhas|Tirhaz Abrehet Meaza Milka Hanna|Hana Nebiat|Nebiyat Freweyni|Frewoini""",
    """Tesfay|Tesfai|Tesfaye Yonas|Jonas Dawit|Dawid Filmon|Filimon Mehari Semere Habtom Kidane
    Tekle|Teklay Berhane Mulugeta Yosief|Yosef|Yoseph Amanuel|Emanuel Merhawi Biniam|Biniyam
    Henok|Henock Robel Natnael|Nathnael Efrem|Ephrem Goitom Tewelde|Tewolde Awet Mikael|Michael
    Abraham Kibrom|Kebrom Yohannes|Johannes Samuel""",
)
_GN = (
    """Diallo|Jalloh|Djallo Bah|Ba Barry|Bari Sow|Sou Baldé|Balde Camara|Kamara Condé|Conde|Konde
    Touré|Toure|Ture Keïta|Keita Sylla|Sila Soumah|Souma|Sumah Bangoura|Bangura Cissé|Cisse
    Traoré|Traore Kouyaté|Kouyate Diakité|Diakite Kanté|Kante Sidibé|Sidibe Fofana
    Doumbouya|Dumbuya Kourouma|Kuruma Diaby|Diabi Sangaré|Sangare Millimono Haba""",
    """Mariama|Mariam Fatoumata|Fatimata|Fatmata Aïssatou|Aissatou|Aishatu Kadiatou|Kadiatu|Khadija
    Hadja Oumou|Umu Hawa|Awa Aminata|Aminatou Binta|Bintou Djénabou|Djenabou|Jenabu
    Ramatoulaye|Ramatulai Nènè|Nene Safiatou|Safiatu Mabinty Kadidiatou|Kadidia Fanta Sira
    Salématou|Salematou Assiatou|Asiatou M'Balia|Mbalia Hadiatou Adama Djénéba|Djeneba Bountouraby
    Maïmouna|Maimouna|Maimuna""",
    """Mamadou|Mamadu Alpha Ibrahima Amadou|Ahmadou|Amadu Oumar|Umar|Omar
    Abdoulaye|Abdulaye|Abdullahi
    Thierno|Tierno|Cherno Boubacar|Bubakar|Aboubacar Mohamed|Mohammed Sékou|Sekou Lansana
    Moussa|Musa
    Ousmane|Usman Souleymane|Suleiman|Sulayman Alhassane|Alhasan Saliou|Saliu Mamoudou|Mamudu
    Ismaël|Ismael Elhadj|El_Hadj Fodé|Fode Alseny Idrissa|Idris Sidiki Lamine|Alamine Karamba
    Daouda|Dawda""",
)
_UA = (
    """Kovalenko|Kowalenko|Коваленко Shevchenko|Schewtschenko|Шевченко Bondarenko|Бондаренко
    Tkachenko|Tkatschenko|Ткаченко Kravchenko|Krawtschenko|Кравченко Oliinyk|Olijnyk|Oleinik|Олійник
    Shevchuk|Schewtschuk|Шевчук Koval|Kowal|Коваль Polishchuk|Polischtschuk|Поліщук Bondar|Бондар
    Tkachuk|Tkatschuk|Ткачук Moroz|Мороз Marchenko|Martschenko|Марченко Lysenko|Lyssenko|Лисенко
    Rudenko|Руденко Savchenko|Sawtschenko|Савченко Petrenko|Петренко Klymenko|Klimenko|Клименко
    Pavlenko|Pawlenko|Павленко Kravets|Krawez|Кравець Melnyk|Melnik|Мельник Boiko|Boyko|Бойко
    Kovalchuk|Kowaltschuk|Ковальчук Ivanenko|Iwanenko|Іваненко Zinchenko|Sintschenko|Зінченко
    Hrytsenko|Gritsenko|Гриценко Romanenko|Романенко Kuzmenko|Kusmenko|Кузьменко
    Levchenko|Lewtschenko|Левченко Sydorenko|Sidorenko|Сидоренко Ponomarenko|Пономаренко""",
    """Olena|Elena|Jelena|Олена Tetiana|Tetjana|Tatjana|Тетяна Nataliia|Natalia|Natalija|Наталія
    Iryna|Irina|Ірина Svitlana|Swetlana|Світлана Oksana|Оксана Yuliia|Yulia|Julija|Юлія
    Olha|Olga|Ольга
    Kateryna|Katerina|Jekaterina|Катерина Anna|Анна Hanna|Ганна Mariia|Maria|Marija|Марія
    Liudmyla|Ljudmyla|Ludmila|Людмила Halyna|Galina|Галина Nadiia|Nadija|Надія
    Viktoriia|Viktoria|Wiktorija|Вікторія Alina|Аліна Anastasiia|Anastasia|Anastasija|Анастасія
    Daryna|Darina|Дарина Sofiia|Sofia|Sofija|Софія Valentyna|Walentyna|Valentina|Валентина
    Larysa|Larissa|Лариса Inna|Інна Liliia|Lilija|Lilia|Лілія Khrystyna|Chrystyna|Christina|Христина
    Zoriana|Sorjana|Зоряна Polina|Поліна Veronika|Weronika|Вероніка""",
    """Oleksandr|Alexander|Aleksandr|Олександр Andrii|Andriy|Andrij|Андрій
    Serhii|Serhij|Sergej|Сергій
    Volodymyr|Wolodymyr|Vladimir|Володимир Dmytro|Dmitri|Дмитро Mykola|Nikolai|Микола Oleh|Oleg|Олег
    Ivan|Iwan|Іван Yurii|Yuriy|Jurij|Юрій Vasyl|Wassyl|Василь Petro|Петро
    Mykhailo|Mychajlo|Michail|Михайло Viktor|Wiktor|Віктор Ihor|Igor|Ігор Maksym|Maxim|Максим
    Artem|Artjom|Артем Bohdan|Bogdan|Богдан Taras|Тарас Roman|Роман Denys|Denis|Денис
    Yevhen|Jewhen|Evgeny|Євген Vitalii|Vitaliy|Witalij|Віталій Anatolii|Anatolij|Анатолій
    Pavlo|Pawlo|Павло Nazar|Назар Danylo|Danilo|Данило Kyrylo|Kirill|Кирило Matvii|Matwij|Матвій
    Tymofii|Tymofij|Тимофій""",
)
_TR = (
    """Yılmaz|Yilmaz Kaya Demir Şahin|Sahin|Schahin Çelik|Celik|Tschelik Yıldız|Yildiz
    Yıldırım|Yildirim Öztürk|Ozturk|Oeztuerk Aydın|Aydin Özdemir|Ozdemir|Oezdemir Arslan|Aslan
    Doğan|Dogan Kılıç|Kilic Çetin|Cetin Kara Koç|Koc Kurt Özkan|Ozkan|Oezkan Şimşek|Simsek Polat
    Korkmaz Güneş|Gunes|Guenes Bulut Ekinci Tekin Acar Aksoy Ateş|Ates Keskin Baran Tunç|Tunc""",
    """Ayşe|Ayse|Aysche Fatma Emine Hatice|Hatidsche Zeynep|Zeinep Elif Meryem|Meriem Şerife|Serife
    Sultan Hanife Zehra Esra Merve Büşra|Busra|Buesra Özlem|Ozlem|Oezlem Gül|Gul|Guel Derya Dilek
    Songül|Songul|Songuel Sevgi Gülsüm|Gulsum|Guelsuem Leyla|Leila Rojda Berfin Hülya|Hulya|Huelya
    Sibel Yasemin|Jasmin Nur Kübra|Kubra|Kuebra""",
    """Mehmet|Mehmed Mustafa Ahmet|Ahmed Ali Hüseyin|Huseyin|Hueseyin Hasan|Hassan İbrahim|Ibrahim
    İsmail|Ismail Osman Yusuf Murat|Murad Ömer|Omer|Oemer Ramazan Halil Süleyman|Suleyman|Sueleyman
    Abdullah Mahmut|Mahmud Emre Burak Serkan Cem Kemal Orhan Deniz Barış|Baris Can Eren Furkan Enes
    Yunus Rojhat Serhat""",
)
_IR = (
    """Hosseini|Hoseini Mohammadi Ahmadi Rezaei|Rezai Moradi Karimi Jafari|Dschafari Rahimi
    Hashemi|Haschemi Sadeghi|Sadeqi Mousavi|Musawi|Moussavi Ghorbani|Qorbani Heidari|Haidari
    Kazemi|Kasemi Abbasi Asadi Nazari Taheri Ebrahimi|Ibrahimi Zamani Salehi Najafi|Nadschafi
    Rostami Sharifi|Scharifi Bagheri|Baqeri Amini Tehrani Shirazi|Schirazi Farahani
    Soltani|Sultani Yazdani|Jasdani""",
    """Maryam|Mariam Fatemeh|Fatima Zahra|Sahra Sara Narges|Nargis Leila|Laila|Leyla Neda Mina
    Shirin|Schirin Parisa Mahsa Nasrin Roya Elham Azadeh|Asadeh Golnaz|Gulnaz Samira Shiva|Schiva
    Negar Sepideh|Sepide Fariba Mahnaz Ziba|Siba Hanieh|Haniyeh Tara Yasaman|Jasaman""",
    """Mohammad|Mohammed|Muhammad Ali Hossein|Hussein|Hosein Reza|Resa Mehdi|Mahdi Amir Hamid
    Saeed|Saeid|Said Majid|Madschid Behzad Farhad Arash Babak Kaveh|Kawe Omid Navid|Nawid Pouya|Puya
    Siamak Dariush|Daryoush|Darius Kian Mehran Mohsen Javad|Dschawad Payam Shahin|Schahin Sina
    Milad""",
)
_SO = (
    """Mohamed|Maxamed|Mohammed Ahmed|Axmed Hassan|Xasan Abdi|Cabdi Ali|Cali Omar|Cumar Yusuf|Yuusuf
    Farah|Faarax Warsame Abdullahi|Cabdullaahi Osman|Cismaan Ibrahim|Ibraahim Hussein|Xuseen
    Jama|Jaamac Nur|Nuur Aden|Aadan|Adan Ismail|Ismaaciil Mohamud|Maxamuud Egal|Cigaal Dahir|Daahir
    Abdirahman|Cabdiraxmaan Elmi|Cilmi Guled Hirsi|Xirsi Samatar Shire|Shiire Sheikh|Sheekh""",
    """Fadumo|Faadumo|Fatuma Hodan|Xodan Amina|Aamina Khadija|Khadiijo|Hadija Sahra|Sahro|Zahra
    Hawa|Xaawo Asha|Aasha|Aisha Ifrah|Ifraax Nasra Sagal Ayan|Ayaan Ubah Hibo Filsan Muna Deqa|Deeqa
    Safiya|Safia Maryan|Maryam Halima|Xaliimo Nimco|Nimo Sucaad|Suad Leyla|Leila Hamdi|Xamdi Idil
    Ikran""",
    """Abdirahman|Abdurahman|Cabdiraxmaan Abdullahi|Cabdullaahi Ahmed|Axmed Ali|Cali Hassan|Xasan
    Mohamed|Maxamed Mustafe|Mustafa Abdiaziz|Abdulaziz Abdikarim|Abdulkarim Liban Bashir|Bashiir
    Said|Saeed Khalid|Khaalid Yasin|Yaasiin Hamza Ayanle Guled Mahad|Maxad Farhan|Farxaan
    Osman|Cismaan Abdiwahab|Abdulwahab Anwar Sharmarke Deeq Omar|Cumar Hussein|Xuseen""",
)
_NG = (
    """Okafor Okonkwo Adeyemi Olawale Eze Nwosu Obi Chukwu Ibrahim|Ibraheem Bello Abubakar|Abubakr
    Mohammed|Muhammad Adebayo Ogunleye Osagie Igbinedion Omoregie Ehigiator Igbinovia Aigbe Okoro
    Nwachukwu Adewale Balogun Akinola Ojo Olatunji Uzor Edeh|Ede Iyamu""",
    """Blessing Joy Faith Grace Mercy Precious Favour|Favor Chioma Ngozi Adaeze|Ada Funmilayo|Funmi
    Folake Aisha|Aishat Aminat|Amina Esther Mary Osasumwen Itohan Efe Patience Gift Stella Comfort
    Ifeoma Oluwakemi|Kemi Yetunde""",
    """Chinedu Emeka Oluwaseun|Seun Chukwuemeka Babatunde|Tunde Ibrahim Musa Osas Godwin Samuel
    Daniel
    Emmanuel|Emanuel Victor Joseph Peter Friday Sunday Kingsley Ikechukwu|Ike Obinna Oluwafemi|Femi
    Uchenna Efosa Osaze Ehis John""",
)
_DE = (
    """Müller|Mueller Schmidt Schneider Fischer Weber Meyer|Meier Wagner Becker Schulz Hoffmann
    Schäfer|Schaefer Koch Bauer Richter Klein Wolf Schröder|Schroeder Neumann Schwarz Zimmermann
    Braun Krüger|Krueger Hofmann Hartmann Lange Köhler|Koehler Weiß|Weiss""",
    """Anna Laura Julia Sarah|Sara Lena Katharina|Katarina Lisa Sabine Andrea Claudia Jana Nicole
    Stefanie|Stephanie Christina|Kristina Sandra Melanie Jessica Franziska Jennifer Michelle Jasmin
    Kerstin Birgit Monika Ute""",
    """Thomas Michael Andreas Stefan|Stephan Christian Markus|Marcus Daniel Jan Tobias Sebastian
    Florian Jürgen|Juergen Uwe Frank Matthias Jörg|Joerg Sven Dirk Tim Lukas|Lucas Felix Jonas
    Maximilian Philipp|Philip Björn|Bjoern""",
)
# Kurds: the given names are shared, the family names are those of each country's papers.
_KU_FEMALE = """Berivan|Beriwan|Bêrîvan Rojin|Rojîn Nesrin|Nisrin Avin|Awin Shilan|Schilan|Şilan
    Nazdar|Nasdar Jihan|Dschihan|Jîhan Dilan Zozan|Sosan Hevi|Hêvî Ruken|Rûken Gulistan|Gulîstan
    Shirin|Schirin|Şirîn Evin|Evîn Helin|Hêlîn Roza Sozdar|Sosdar Nishtiman|Nischtiman Kajal
    Shno|Schno Bahar Lana Ronahi|Ronahî Zilan|Zîlan Delal Hana Fatma|Fatima Zeynep|Zainab"""
_KU_MALE = """Azad|Asad Rojhat|Rojhad Serhat Dilovan|Dilowan Shiyar|Schiyar|Şiyar Rezan
    Rebwar|Rebwer Nawzad|Nausad Dilshad|Dilschad Karwan|Karwen Hawar|Hewar Zana Baran Aram
    Sherzad|Scherzad
    Bahoz Welat|Welad Berzan Delil|Delîl Kawa|Kawe Soran Hemin|Hêmin Shvan|Schwan|Şivan Heval
    Mahmud|Mahmoud Ahmad|Ahmed Hussein|Husein Omar|Umar Khalil|Chalil|Xelîl Mustafa Ibrahim"""
_KU_SY = (
    """Sheikho|Scheicho|Şêxo Hasso|Hassou|Heso Osso|Ousso Ibo|Ibou Mamo|Mamou Bakr|Bakir Kalo
    Khalil|Chalil|Xelîl Haji|Hadschi Abdi|Ebdî Jaafar|Dschafar Hemo|Hamo Kurdi|Kurdî Ali|Elî
    Omar|Umar Hussein|Husein Issa|Isa Murad|Mourad Bozan|Bosan Nabo Temo|Tamo""",
    _KU_FEMALE,
    _KU_MALE,
)
_KU_IQ = (
    """Ahmed|Ahmad Rashid|Raschid Mahmood|Mahmud Qadir|Kadir Aziz Karim|Kareem Hama Salih|Saleh
    Mustafa Hussein|Husain Faraj|Faradsch Rasul|Rasool Abdulla|Abdullah Bakir|Bakr Omer|Omar
    Sabir|Saber Hamad Mohammed|Muhammad Jalal|Dschalal Majid|Madschid Tahir|Taher Ali""",
    _KU_FEMALE,
    _KU_MALE,
)
_KU_TR = (
    """Yıldız|Yildiz Aslan|Arslan Kaya Demir Tekin Baran Aydın|Aydin Akın|Akin Ekinci Güneş|Gunes
    Özdemir|Ozdemir|Oezdemir Kılıç|Kilic Ateş|Ates Toprak Akbaş|Akbas Yıldırım|Yildirim
    Tunç|Tunc Doğan|Dogan Çiçek|Cicek|Tschitschek Bingöl|Bingol Oral Kurt Tay Budak""",
    _KU_FEMALE,
    _KU_MALE,
)
# Russians and Kazakhstanis: the Latin spelling of the passport first, then the German
# transliteration and the Cyrillic; a woman's family name takes the feminine form
# (people._feminine: Ivanov -> Ivanova), names like Chernykh or Kovalenko do not change.
_RU = (
    """Ivanov|Iwanow|Иванов Smirnov|Smirnow|Смирнов Kuznetsov|Kusnezow|Кузнецов Popov|Popow|Попов
    Vasilev|Wassiljew|Васильев Petrov|Petrow|Петров Sokolov|Sokolow|Соколов
    Mikhailov|Michailow|Михайлов Novikov|Nowikow|Новиков Fedorov|Fjodorow|Фёдоров
    Morozov|Morosow|Морозов Volkov|Wolkow|Волков Alekseev|Alexejew|Алексеев Lebedev|Lebedew|Лебедев
    Semenov|Semjonow|Семёнов Egorov|Jegorow|Егоров Pavlov|Pawlow|Павлов Kozlov|Koslow|Козлов
    Stepanov|Stepanow|Степанов Nikolaev|Nikolajew|Николаев Orlov|Orlow|Орлов
    Andreev|Andrejew|Андреев Makarov|Makarow|Макаров Zaitsev|Saizew|Зайцев Ilin|Iljin|Ильин
    Kuzmin|Kusmin|Кузьмин Belykh|Belych|Белых Chernykh|Tschernych|Черных""",
    """Anna|Анна Elena|Jelena|Елена Olga|Ольга Natalia|Natalja|Наталья Irina|Ирина
    Tatiana|Tatjana|Татьяна Svetlana|Swetlana|Светлана Ekaterina|Jekaterina|Екатерина
    Maria|Marija|Мария Anastasiia|Anastassija|Анастасия Iuliia|Julija|Юлия Daria|Darja|Дарья
    Kseniia|Xenia|Ксения Polina|Полина Viktoriia|Wiktorija|Виктория Alina|Алина Marina|Марина
    Valentina|Walentina|Валентина Liudmila|Ljudmila|Людмила Galina|Галина""",
    """Aleksandr|Alexander|Александр Dmitrii|Dmitri|Дмитрий Sergei|Sergej|Сергей
    Andrei|Andrej|Андрей Aleksei|Alexej|Алексей Ivan|Iwan|Иван Mikhail|Michail|Михаил
    Nikolai|Nikolaj|Николай Vladimir|Wladimir|Владимир Pavel|Pawel|Павел Maksim|Maxim|Максим
    Artem|Artjom|Артём Egor|Jegor|Егор Kirill|Кирилл Roman|Роман Denis|Денис
    Evgenii|Jewgeni|Евгений Igor|Игорь Oleg|Олег Ilia|Ilja|Илья Timur|Тимур""",
)
_KZ = (
    """Akhmetov|Achmetow|Ахметов Nurlanov|Nurlanow|Нурланов Iskakov|Iskakow|Искаков
    Zhumabaev|Schumabajew|Жумабаев Suleimenov|Suleimenow|Сулейменов Omarov|Omarow|Омаров
    Abdrakhmanov|Abdrachmanow|Абдрахманов Kassymov|Kassymow|Касымов
    Tulegenov|Tulegenow|Тулегенов Ivanov|Iwanow|Иванов Petrov|Petrow|Петров
    Kovalenko|Kowalenko|Коваленко Schmidt|Шмидт Wagner|Вагнер Becker|Беккер""",
    """Aigerim|Айгерим Dana|Дана Aruzhan|Aruschan|Аружан Madina|Мадина Asel|Асель
    Gulnara|Гульнара Saule|Сауле Zhanar|Schanar|Жанар Aliia|Alija|Алия Elena|Jelena|Елена
    Olga|Ольга Natalia|Natalja|Наталья Irina|Ирина Anna|Анна""",
    """Nurlan|Нурлан Askar|Аскар Daniiar|Danijar|Данияр Erlan|Jerlan|Ерлан Arman|Арман
    Bauyrzhan|Baurschan|Бауыржан Timur|Тимур Ruslan|Руслан Azamat|Азамат Marat|Марат
    Aleksandr|Alexander|Александр Sergei|Sergej|Сергей Dmitrii|Dmitri|Дмитрий
    Andrei|Andrej|Андрей Viktor|Wiktor|Виктор""",
)
