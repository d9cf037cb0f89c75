"""Blocked rules: attempts to subvert the assistant, or to get harmful content from it.

Each pattern needs the *request* shape (verb + object: "make ... bomb", "入侵 ... 電腦", "ignore ...
instructions"), not a topic word, so that reporting a hacked account, asking about an arms licence
or about drug treatment passes. Written for the view (rules.view): lower case, Traditional Chinese.
"""

from __future__ import annotations

from civicdesk.safety.rules import RuleSpec, rule

BLOCKED_CATEGORIES = ("prompt_injection", "weapons", "drugs", "hacking", "harm_others", "hate", "forgery")

_W = r"(?:\w+\W+)"  # one English word and what follows it
_VICTIM_OR_REPORT = (
    r"\b(?:was|been|got|get|is|were)\s+hacked\b|\breport\w*|\bvictim\b|\brecover\w*|\bpolice\b"
    r"|被.{0,6}(?:入侵|hack|黑|盜)|(?:俾|畀|給)人.{0,3}(?:hack|入侵|黑)|報案|舉報|報警|投訴|點算|怎麼辦|點算好"
)
_GROUPS_EN = (
    r"(?:immigrants|migrants|refugees|asylum seekers|foreigners|mainlanders|mainland chinese|chinese|locals"
    r"|hongkongers|filipinos|filipinas|indonesians|indians|pakistanis|nepalese|south asians|africans|blacks"
    r"|black people|whites|white people|muslims|jews|christians|buddhists|hindus|gays|gay people|lesbians"
    r"|homosexuals|trans people|transgender people|disabled people|old people|the elderly|women|men|helpers|maids"
    r"|domestic helpers)"
)
_GROUPS_ZH = (
    r"(?:新移民|大陸人|內地人|大陸仔|大陸妹|內地客|自由行|菲律賓人|菲傭|印尼人|印傭|外傭|南亞裔|南亞人|印度人"
    r"|巴基斯坦人|尼泊爾人|非洲人|黑人|白人|回教徒|穆斯林|伊斯蘭教徒|猶太人|基督徒|同性戀者?|基佬|變性人"
    r"|跨性別人士|殘疾人士?|傷殘人士|難民|外國人|外地人|鬼佬|香港人|中國人|日本人|韓國人|女人|男人)"
)
_DEGRADING_ZH = r"(?:垃圾|廢物|寄生蟲|蝗蟲|畜生|禽獸|曱甴|罪犯|賤種|低等|害蟲|豬|狗|下等|人渣|病毒)"

BLOCKED_RULES: tuple[RuleSpec, ...] = (
    # --- forged identity documents and money, and password guessing (added after the first held-out run) -------
    rule(
        "forgery.en",
        "forgery",
        r"\b(?:make|making|create|creating|forge|forging|produce|producing|print|printing|get|buy)\b\W+(?:\w+\W+){0,3}?"
        r"(?:fake|forged|counterfeit|false)\s+(?:hkid|id|identity|passports?|documents?|certificates?|banknotes?|notes"
        r"|money|licen[cs]es?)\b|\bforg(?:e|ing)\s+(?:a\s+|an\s+|the\s+|my\s+)?(?:hkid|id|identity|passport"
        r"|signature|document|certificate)",
        unless=r"\breport\w*|\bspot\w*|\bcheck\w*|\bvictim\b|\breceived\b|\bfound\b|\bpolice\b",
    ),
    rule(
        "forgery.zh",
        "forgery",
        r"(?:偽造|伪造|整假|做假|製造假|制造假|製作假|制作假|假造|複製)(?:.{0,6})(?:身份證|證件|護照|文件|證書|鈔票|簽名|車牌|證明|糧單|收據|單據|醫生紙|病假紙|合約|合同"
        r"|文憑|學歷|成績表|發票|发票|证明|合同|证书)",
        # someone else's forgery, heard of or feared, is a report or a question, not a request to forge
        unless=r"舉報|報案|報警|投訴|發現|收到|識別|分辨|點分|怎樣分|聽(?:人|講|聞|說)|提防|防止|預防|保障"
        r"|(?:有人|俾人|被人|畀人|給人|人哋|騙徒|不法之徒)(?:用|拎|攞)?(?:偽造|伪造|整假|做假|假造|複製)",
    ),
    rule("hacking.en.brute_force", "hacking", r"\bbrute[\s-]?forc\w*|\bcrack\w*\s+(?:\w+\s+){0,2}?passwords?\b"),
    # --- prompt injection -----------------------------------------------------------------------------
    rule(
        "prompt_injection.en.ignore",
        "prompt_injection",
        rf"\b(?:ignore|disregard|forget|override|bypass|skip|discard)\b\W+{_W}{{0,4}}?(?:instructions?|rules"
        r"|guidelines"
        r"|prompts?|directives|programming|polic(?:y|ies)|restrictions|filters?|guardrails|system message|safety)\b"
        rf"|\bforget\s+(?:everything|all)\b|\bignore\s+(?:the\s+)?(?:above|previous|prior)\b(?!\s+(?:message|email"
        r"|mail|letter|question|application|address|number|reply))",
    ),
    rule(
        "prompt_injection.en.persona",
        "prompt_injection",
        r"\byou are now\b|\bfrom now on,?\s+you\s+(?:are|will|must|shall)\b|\b(?:act|respond|answer|behave)\s+as\s+"
        r"(?:an?\s+)?(?:unrestricted|unfiltered|jailbroken|evil|uncensored|dan\b|my (?:grand)?(?:mother|father|ma"
        r"|pa))"
        r"|\bpretend\s+(?:to be|you are|you're)\s+(?:an?\s+)?(?:\w+\s+){0,2}?(?:without|with no|that has no|free of"
        r"|unrestricted|unfiltered|uncensored|evil|dan\b)|\bdo anything now\b|\bjailbr(?:eak|oken)\w*"
        r"|\b(?:developer|dev|god|dan)\s+mode\b|\bwithout\s+(?:any\s+)?(?:filters|restrictions|safety guidelines"
        r"|rules)\b"
        r"|\b(?:you|u)\s+(?:have|has|got)\s+no\s+(?:rules|restrictions|limits|filters|guidelines)\b"
        r"|\bno\s+refusals?\b"
        r"|\bnever\s+refuse\b|\b(?:answer|respond to|do)\s+(?:everything|anything)\s+i\s+(?:ask|say|want)\b"
        r"|\bnew\s+(?:rules?|instructions?|directives?)\s*:|\bstop being (?:a|an)\s+(?:\w+\s+)?(?:bot|assistant|ai)\b"
        r"|\bforget (?:that )?you(?:'re| are)\b|^(?:system|assistant|developer)\s*:"
        r"|\bdisable\s+(?:all\s+|your\s+)?(?:safety|filters?|checks|moderation|guardrails|restrictions)\b"
        r"|\b(?:i am|i'm|the user is)\s+(?:an?\s+)?(?:admin|administrator|developer|your (?:creator|developer"
        r"|owner))\b",
    ),
    rule(
        "prompt_injection.en.prompt",
        "prompt_injection",
        rf"\bsystem\s+prompt\b|\b(?:reveal|show|print|repeat|output|display|leak|dump)\b\W+{_W}{{0,3}}?"
        r"(?:prompt|instructions|hidden instructions|initial instructions|configuration)\b"
        r"|</?system>|\[/?inst\]|<\|im_(?:start|end)\|>|###\s*(?:instruction|system)|\bpwned\b"
        r"|\b(?:answer|respond|reply)\s+only\s+in\s+base64\b"
        r"|\b(?:were|was)\s+you\s+(?:told|instructed|programmed|given|trained)\b"
        r"|\byou\s+(?:were|have been)\s+(?:told|instructed|programmed|given)\b|\bstarting with ['\"]?you are\b"
        r"|\b(?:output|print|repeat|show)\s+(?:\w+\s+){0,2}?(?:text|everything|words)\s+above\b",
    ),
    rule(
        "prompt_injection.zh",
        "prompt_injection",
        r"(?:忽略|無視|忘記|唔好理|不要理會?|別理|唔使理|不理會|跳過|繞過|違反|唔好跟|不要遵守|別管|唔好聽)"
        r"(?:.{0,8})(?:指令|指示|規則|設定|提示詞?|限制|守則|命令|規定|程式|系統訊息)"
        r"|你(?:而家|現在|從現在起|從現在開始|由而家起|由而家開始)?(?:係|是|扮演|變成|就是)\s*(?:dan|一個?(?:冇|沒有|無)"
        r"(?:任何)?(?:道德|安全|內容)?限制|無限制|越獄|邪惡|不受限)|(?:從現在開始|從現在起|由而家開始|由而家起)(?:.{0,3})你(?:係|是)"
        r"|(?:冇|沒有|無|解除|移除|取消)(?:任何|所有)?(?:限制|過濾|審查)(?:的|嘅)?(?:ai|人工智能|模式|助手|機械人|版本)"
        r"|(?:解除|移除|取消)(?:所有|任何|你的|你嘅)?(?:限制|過濾|審查)"
        r"|扮(?:演)?(?:你係|你是)?.{0,6}(?:冇|沒有|無)(?:任何|道德|所有)?限制"
        r"|(?:唔使|不用|不必|唔好|不要|無需|毋須)(?:再)?(?:跟|遵守|理|理會|聽)(?:.{0,4})(?:規矩|規則|指令|指示|限制|設定|守則)"
        r"|你(?:之前|最初|原本|一開始)?(?:收到|得到|被設定|被給予)(?:的|嘅)(?:所有|全部)?(?:指令|指示|設定|規則|提示)"
        r"|(?:指令|指示|設定|提示詞|規則)(?:.{0,8})(?:原原本本|全部列出|寫出嚟|寫出來|列出來|列出嚟)"
        r"|(?:忘掉|忘記|唔好再做|不要再做|唔好再扮|不要再扮)你(?:是|係)|(?:現在開始|由而家開始|從現在起|由而家起).{0,4}聽我"
        r"|(?:顯示|輸出|告訴我|講出?|俾我睇|列出|說出|原樣|透露|洩露|洩漏|重複|打印|印出|展示|給我看)(?:.{0,6})"
        r"(?:系統提示|提示詞|系統指令|初始指令|隱藏指令|system prompt)"
        r"|(?:系統提示詞|提示詞|系統指令|system prompt)(?:.{0,6})(?:原樣|輸出|顯示|講出|說出|打印|出嚟|出來)"
        r"|(?:進入|開啟|啟用|打開|切換到|切換|處於|係|是)(?:.{0,3})(?:開發者模式|開發人員模式|管理員模式|越獄模式|上帝模式|dan模式)"
        r"|越獄(?:模式|版本|提示)|(?:名字?叫做?|叫做)\s*dan\b"
        r"|你(?:唔係|不是|並不是|根本不是|根本唔係).{0,12}你(?:係|是|而家係|現在是)(?:我的|我嘅|一個|一名|個)?.{0,6}"
        r"(?:助理|助手|機械人|機器人|ai|人工智能|女朋友|男朋友|角色|黑客|奴隸|僕人|寵物)"
        r"|(?:跟我|同我|跟住我)(?:重複|覆述|講|說|讀)(?:一遍|一次|一下)?[:：]",
    ),
    # --- weapons --------------------------------------------------------------------------------------
    rule(
        "weapons.en",
        "weapons",
        rf"\b(?:mak(?:e|ing)|build(?:ing)?|assembl(?:e|ing)|creat(?:e|ing)|craft(?:ing)?|3d print(?:ing)?"
        r"|print(?:ing)?"
        rf"|manufactur(?:e|ing)|produc(?:e|ing)|recipes?\s+for)\b\W+{_W}{{0,3}}?"
        r"(?:bombs?|explosives?|ied|pipe bombs?|grenades?|molotov\w*|napalm|thermite|guns?|firearms?|pistols?"
        r"|rifles?|silencers?"
        r"|suppressors?|ghost guns?|nerve agents?|poison gas|ricin|sarin|weapons?)\b|\bmolotov cocktail"
        r"|\bnapalm recipes?"
        r"|\bpipe bombs?\b",
    ),
    rule(
        "weapons.zh",
        "weapons",
        r"(?:製造|製作|制造|制作|自製|自制|整|做|砌|組裝|打印|合成|教我整)(?:.{0,4})(?:炸彈|炸藥|汽油彈|燃燒彈|燃燒瓶|槍械|手槍|步槍"
        r"|爆炸品|毒氣|雷管|槍)",
    ),
    # --- drugs ----------------------------------------------------------------------------------------
    rule(
        "drugs.en",
        "drugs",
        rf"\b(?:buy|get|find|score|order|source|purchase|sell)\b\W+{_W}{{0,3}}?(?:cocaine|heroin|meth|crystal meth"
        r"|methamphetamine|ketamine|weed|cannabis|marijuana|mdma|ecstasy|lsd|fentanyl|illegal drugs)\b"
        rf"|\b(?:make|cook|synthesi[sz]e|produce|grow|manufacture)\b\W+{_W}{{0,3}}?(?:meth|methamphetamine|cocaine"
        r"|heroin|fentanyl|lsd|mdma|cannabis|weed|marijuana|drugs)\b",
        unless=r"\b(?:help|treatment|rehab\w*|addiction|counsell?ing|quit|report\w*|penalty|penalties|law)\b",
    ),
    rule(
        "drugs.zh",
        "drugs",
        r"(?:買|購買|買到|賣|搵|攞|訂|邊度有得?買|哪裡買)(?:.{0,6})(?:大麻(?!二酚)|可卡因|古柯鹼|海洛英|海洛因|冰毒"
        r"|k仔|氯胺酮|搖頭丸|白粉|毒品|芬太尼)|(?:製造|製作|提煉|煮|種|種植|合成|整|造|做)(?:.{0,4})(?:冰毒|大麻(?!二酚)|可卡因|海洛英"
        r"|毒品|k仔|搖頭丸)",
        unless=r"戒毒|舉報|報警|投訴|禁毒",
    ),
    # --- hacking --------------------------------------------------------------------------------------
    rule(
        "hacking.en",
        "hacking",
        rf"\b(?:hack|hacking|crack|cracking|break into|breaking into)\b\W+{_W}{{0,5}}?(?:accounts?|instagram|ig"
        r"|facebook"
        r"|whatsapp|email|gmail|wi-?fi|passwords?|database|server|system|website|computer|phone|iphone|router|network"
        r"|bank)\b|\bddos\w*|\b(?:write|create|make|code|build|develop)\b\W+"
        rf"{_W}{{0,3}}?(?:virus|malware|ransomware|trojan|keylogger|worm|spyware|phishing (?:site|page|email|kit))\b"
        r"|\bsteal\w*\W+(?:\w+\W+){0,2}?(?:passwords?|credentials|credit card)"
        rf"|\b(?:give me|send me|write|create|make|code|build|develop|need|want)\b\W+{_W}{{0,4}}?(?:keyloggers?"
        r"|spyware"
        r"|stalkerware|malware|ransomware|trojans?)\b|\bspy on\s+(?:my|her|his|someone|people|a)\b"
        r"|\b(?:get into|access|log ?in(?:to)?|read|open|check|hack)\s+(?:\w+\s+)?(?:someone else'?s|other people'?s"
        r"|another person'?s|my (?:ex|wife|husband|partner|girlfriend|boyfriend|boss)'?s)\s+(?:\w+\s+)?(?:accounts?"
        r"|gmail"
        r"|email|e-mail|phone|whatsapp|instagram|ig|facebook|messages)\b|\bwithout (?:the|their|his|her) password\b",
        unless=_VICTIM_OR_REPORT,
    ),
    rule(
        "hacking.zh",
        "hacking",
        r"(?:入侵|黑入|hack|駭入|破解|盜取|偷取|竊取)(?:.{0,8})(?:戶口|帳戶|賬戶|賬號|帳號|密碼|電腦|系統|網站|伺服器"
        r"|數據庫|資料庫|wifi|ig|facebook|fb|whatsapp|電郵|手機)|(?:寫|編寫|製作|整|做|開發)(?:.{0,4})(?:病毒|木馬"
        r"|勒索軟件|勒索病毒|惡意軟件|釣魚網站)|ddos|(?:偷睇|偷看|監視|監控|偷聽)(?:.{0,6})(?:whatsapp|手機|訊息|電話|電郵"
        r"|ig|fb|facebook|wechat|微信|短訊)",
        unless=_VICTIM_OR_REPORT,
    ),
    # --- harming others (asking how to hurt someone) ----------------------------------------------------------------
    rule(
        "harm_others.en",
        "harm_others",
        rf"\b(?:how|ways?|best way|teach me|help me|tips)\b\W+{_W}{{0,4}}?(?:poison|kill|murder|hurt|harm|stab"
        rf"|strangle)\b\W+{_W}{{0,3}}?(?:someone|somebody|people|person|him|her|them|neighbou?r\w*|wife|husband|boss"
        r"|ex"
        r"|dog|cat|child|baby|classmates?|colleagues?|teachers?|students?|kids?|son|daughter|partner|girlfriend"
        r"|boyfriend"
        r"|landlord|tenant|roommate|flatmate)\b|\bwithout getting caught\b|\blook like an accident\b"
        r"|\bget away with (?:it|murder|hurting|killing)\b",
    ),
    rule(
        "harm_others.zh",
        "harm_others",
        r"(?:點樣|點(?!解)|如何|怎樣|怎麼|教我|方法)(?:.{0,6})(?<!被)(?:落毒|毒死|殺死|毒害|謀殺|整死|打死|殺人|打傷|傷害人)"
        r"|(?:唔使|不用|無需|不會)(?:坐監|坐牢)"
        r"|(?:落毒|毒死|殺).{0,6}(?:唔俾人發現|不被發現|不被人發現)",
    ),
    # --- hate -----------------------------------------------------------------------------------------
    rule(
        "hate.en",
        "hate",
        rf"\b(?:kill|exterminate|gas|wipe out|eliminate|get rid of|deport|shoot|hang|burn)\s+(?:all|every)\s+"
        rf"(?:the\s+|of the\s+|of those\s+|those\s+)?{_GROUPS_EN}\b|\b{_GROUPS_EN}\s+(?:are|r|is)\s+(?:all\s+)?"
        r"(?:vermin|animals|subhuman|sub-human|cockroaches|parasites|rats|pigs|dogs|trash|garbage|scum|filth|locusts"
        r"|insects|a disease|inferior|terrorists|criminals|rapists|thieves|savages|barbarians|dirty|diseased)\b"
        rf"|\b{_GROUPS_EN}\b[^.!?]{{0,30}}\b(?:should|must)\s+(?:all\s+)?be\s+(?:kicked out|deported|expelled|killed"
        r"|exterminated|banned|locked up|shot)\b|\b(?:chinks?|gooks?|nigg(?:er|a)s?|faggots?|trann(?:y|ies)|pakis?"
        r"|wetbacks?"
        r"|kikes?|spics?)\b"
        rf"|\b(?:write|create|compose|generate|draft|make)\b\W+{_W}{{0,4}}?(?:hateful|racist|hate|bigoted"
        r"|xenophobic|homophobic|dehumani[sz]ing)\s+(?:\w+\s+){0,2}?(?:essay|article|post|speech|song|poem|slogan"
        r"|joke|rant|tweet|message|content)s?\b",
    ),
    rule(
        "hate.zh",
        "hate",
        rf"{_GROUPS_ZH}.{{0,4}}(?:係|是)(?:一班|一群|啲|些)?{_DEGRADING_ZH}"
        rf"|(?:殺光|殺晒|趕走晒|趕絕|滅絕|消滅|清除|殺死|全部殺|趕返|滾回|滾返|滾出).{{0,6}}{_GROUPS_ZH}"
        rf"|{_GROUPS_ZH}.{{0,6}}(?:應該|都應該|要)(?:去死|死晒|死光|死|滾|殺光|殺晒)"
        r"|蝗蟲|支那|黑鬼|賓妹|阿差|死基佬|大陸豬|強國人"
        rf"|(?:寫|作|創作|整|做|生成)(?:.{{0,8}})(?:攻擊|仇恨|歧視|侮辱|抹黑|醜化|貶低){_GROUPS_ZH}"
        rf"|(?:寫|作|創作|整|做|生成)(?:.{{0,12}})(?:仇恨|歧視|種族主義)(?:的|嘅)?(?:文章|帖子|貼文|言論|口號|標語|演講|歌)",
        unless=r"投訴|舉報|報警|報案|平機會|被人?(?:叫|罵|寫)",
    ),
)
