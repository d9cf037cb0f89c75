"""Emergency rules for harm between people and to oneself: injury, violence, crime in progress, self-harm.

Patterns are written for the view (rules.view): lower case, Traditional Chinese with Hong Kong forms.
"""

from __future__ import annotations

from civicdesk.safety.rule_parts import COMPENSATION, PAST, PERSON_EN, SAFE_NOW_EN
from civicdesk.safety.rules import RuleSpec, rule

HARM_RULES: tuple[RuleSpec, ...] = (
    # --- injury ---------------------------------------------------------------------------------------
    rule(
        "injury.en.injured",
        "injury",
        r"\b(?:badly|seriously|severely|critically|gravely)\s+(?:injured|hurt|wounded|burnt|burned)\b"
        r"|\b(?:people|person|someone|somebody|pedestrian|driver|passenger|cyclist|child|kid|man|woman|\d+|two|three"
        r"|several|many)\s+(?:\w+\s+)?(?:is\s+|are\s+|got\s+|was\s+|were\s+)?(?:injured|hurt|wounded)\b",
        unless=COMPENSATION,
    ),
    rule(
        "injury.en.hit",
        "injury",
        r"\bhit\s+by\s+(?:a\s+)?(?:car|bus|minibus|taxi|lorry|truck|van|motorbike|motorcycle|vehicle|train|tram)\b"
        r"|\bcrushed\b|\b(?:on|onto|into)\s+the\s+(?:mtr\s+|train\s+|railway\s+|rail\s+)?tracks\b"
        r"|\b(?:car|bus|minibus|taxi|lorry|truck|van|vehicle|motorbike)\s+(?:just\s+|has\s+(?:just\s+)?)?"
        r"(?:hit|ran over|run over|knocked down"
        r"|crashed into)\s+"
        r"(?:a|an|the|my|some)\s+\w+|\bknocked\s+(?:down|over)\s+by\b|\brun\s+over\s+by\b"
        r"|\b(?:fell|falling|fallen)\s+(?:from|off|out of|down)\s+(?:a|an|the|his|her|their"
        r"|my)?\s*(?:\w+\s+)?(?:height|building|roof"
        r"|rooftop|scaffold\w*|ladder|window|balcony|bridge|floor|stairs|staircase|cliff|tree)\b",
        unless=COMPENSATION,
    ),
    rule(
        "injury.en.crash",
        "injury",
        r"\b(?:car|traffic|road|bus|minibus|taxi|lorry|truck|motorbike|motorcycle|multi-vehicle)\s+"
        r"(?:crash|accident|collision|smash)\b",
        unless=PAST,
    ),
    rule("injury.zh.crash", "injury", r"車禍|撞車|交通意外|交通事故", unless=PAST),
    rule(
        "injury.zh.injured",
        "injury",
        r"(?:被|俾|畀|給)(?:車|巴士|的士|小巴|貨車|私家車|電單車|單車|lorry)撞(?!(?:咗|了|到)?(?:歪|凹|甩|壞|毀|彎|損|花|冧|塌))|路軌(?:上|度|上面|入面)"
        r"|(?:跌|墮|掉)(?:落|下|入)(?:咗|了)?.{0,4}(?:路軌|軌道)|撞(?:倒|親|到|傷|飛)(?:了|咗)?"
        r"(?:個|一個|名)?(?:人|途人|行人|路人|伯|婆|阿伯|阿婆|老人|小朋友|細路|學生|小孩)"
        r"|(?:高處|樓上|棚架|天台|窗|梯|屋頂|山).{0,3}(?:墮下|墜下|跌(?:咗|左|了)?(?:落|下)|摔下|掉下)"
        r"|墮樓|墜樓|墮下|墜下|跌(?:咗|左)?落樓梯|受(?:咗|了)?(?:重|嚴重)傷|重傷|傷勢嚴重|傷者"
        r"|流(?:咗|了)?(?:好多|很多|大量)血|血流不止|流血不止|大量出血|頭破血流|斷(?:咗|了)?(?:骨|腳|手)|骨折"
        r"|受傷(?!.{0,6}(?:賠償|補償|申請|索償|假|保險))|流(?:緊|着|著)血|頭.{0,3}流(?:咗|了)?血"
        r"|(?:俾|被|畀).{0,4}(?:插|刺|割|壓|夾)(?:親|傷|穿|住)",
        unless=COMPENSATION,
    ),
    # --- violence -------------------------------------------------------------------------------------
    rule(
        "violence.en",
        "violence",
        rf"\b(?:beat|beating|beats|hitting|hits|punching|punches|kicking|kicks|strangling|attacking|attacks|stabbing"
        rf"|slashing)\s+{PERSON_EN}\b|\b(?:big|huge|gang|street|mass|violent)\s+(?:fight|brawl)\b|\bbrawl\w*"
        r"|\bthreatening\s+(?:people|everyone|someone|me|us)\b"
        r"|\b(?:threaten\w*|going|gonna|trying|wants?|about)\s+to\s+(?:kill|hurt|stab|shoot|attack|beat)\s+"
        r"(?:me|us|him|her|them|my|everyone|people|someone)\b|\b(?:screaming|screams|shouting|yelling|crying|calling"
        r"|cries)\s+for\s+help\b|\bstab(?:bed|bing|s)?\b",
        unless=SAFE_NOW_EN,
    ),
    rule(
        "violence.en.domestic",
        "violence",
        r"\bdomestic\s+violence\b",
        unless=r"\b(?:hotline|services?|support|statistics|ordinance|law|legal|policy|shelters?|refuges?)\b",
    ),
    rule(
        "violence.zh",
        "violence",
        r"(?:有人|佢|他|她|佢哋|他們|班人|個男人|個女人|老公|老婆|丈夫|太太|男朋友|女朋友|爸爸|媽媽|阿爸|阿媽|老豆"
        r"|同學|鄰居|保安|司機|客人|醉酒佬|陌生人|在|正在|又|仲|成日|一直|而家|依家)(?:喺.{0,8}|在.{0,8})?"
        r"打(?:緊|着|著)?(?:人|我|佢|他|她|我哋|我們)(?!電話|手機|嘅|的|個|部|call|去|俾|返|過|錢|卡)|斬(?:人|傷)"
        r"|劈(?:人|親|傷)|砍人|捅(?:人|傷)|刺傷|有人殺人|殺人呀|(?:正在|在)殺人|殺(?:咗|了)人|要殺我|想殺我|殺死我"
        r"|打(?:緊)?(?:個|一個|名)(?:女人|男人|女仔|男仔|老人|伯伯|婆婆|阿伯|阿婆|小朋友|細路|學生|途人|路人|女子|男子)"
        r"|打交|打架|毆打|虐打|揮刀|鬥毆|打(?:得|到)(?:很|好)?(?:兇|凶|傷)|劈友|斬友|砍友|砍傷"
        r"|(?:斬|砍|劈|捅)死(?:我|佢|人|你|全家)|(?:要|想|會|話要|威脅要)(?:打|殺)死|淋(?:紅)?油"
        r"|(?:恐嚇|威脅)(?:要|話要)?(?:殺|斬|打|燒|傷害)|(?:在|緊|正在|又)打(?:緊)?(?:個)?(?:孩子|小朋友|細路|小孩|仔|女|老婆|老公|太太"
        r"|丈夫|媽|爸|阿媽|阿爸|阿婆|伯伯|老人|嬰兒|bb|bb仔)|家暴(?!.{0,4}(?:熱線|服務|統計|條例|講座|中心|政策))"
        r"|(?:現在|而家|依家|仍然|還在|仲喺度|仲|正在)(?:被人?(?:打|毆打)|(?:打|毆打)(?:緊|着|著)(?![電手嘅的個部去俾返過錢卡算波機針工樁字麻風交])"
        r"|打(?=[，,。!！]|$))"
        r"|(?:快|好|喂|幫手)?救命(?:呀|啊|啦|阿|[!！]|$)|快救命|救救我",
    ),
    # --- crime ----------------------------------------------------------------------------------------
    rule(
        "crime.en",
        "crime",
        r"\bburglar\w*|\bbreak(?:s|ing)?\s+into\b|\bbreak(?:ing)?[\s-]+in\b(?=\s*(?:$|[.!,?]|right now|now))"
        r"|\bbroke\s+in(?:to)?\b|\bintruders?\b|\bsomeone\s+(?:is\s+)?"
        r"(?:in|inside)\s+my\s+(?:house|flat|home|room|apartment)\b|\brob(?:bery|bing|bed|ber|bers)\b|\bmugg(?:ed"
        r"|ing|er)\b"
        r"|\bhold[\s-]?up\b|\bsnatch(?:ed|ing)?\b|\b(?:been|was|were|got)\s+(?:attacked|assaulted|raped|molested"
        r"|stalked|followed|chased|beaten|robbed|mugged|kidnapped|threatened|groped)\b|\bkidnap\w*|\bhostages?\b"
        r"|\babduct\w*"
        r"|\b(?:stranger|someone|somebody|a man|a woman|people|intruder)\s+(?:is\s+|are\s+)?(?:in|inside)\s+my\s+"
        r"(?:house|flat|home|room|apartment)\b|\bhiding\s+(?:in|from|under)\b"
        r"|\b(?:grabbed|dragged|pulled|forced|bundled)\s+(?:a|an|the|my|her|him|his|their)?\s*(?:\w+\s+)?(?:girl|boy"
        r"|woman"
        r"|man|child|kid|her|him|daughter|son)\s+(?:into|in)\s+(?:a|the)\s+(?:van|car|taxi|vehicle)\b",
        unless=PAST,
    ),
    rule(
        "crime.en.weapon",
        "crime",
        r"\b(?:with|has|have|had|holding|wielding|waving|carrying|pulled|pulling|armed with|pointing)\s+(?:a|an|his"
        r"|her"
        r"|their|some)?\s*(?:knife|knives|guns?|pistol|rifle|machete|chopper|cleaver|axe|weapons?|sword|iron bar)\b"
        r"|\bgunshots?\b|\bshots?\s+fired\b|\bshooting\b|\b(?:been|got|was|is)\s+shot\b|\bopen(?:ed)?\s+fire\b",
    ),
    rule(
        "crime.en.threat",
        "crime",
        r"\btrying\s+to\s+(?:open|force|pry|prise|jimmy)\s+(?:my|the|our)\s+(?:door|window|lock|gate)\b"
        r"|\b(?:there'?s|there is|theres|found|saw|seen|see|spotted|planted|placed|left)\s+(?:a|an"
        r"|some)?\s*(?:\w+\s+)?"
        r"bomb\b|\bbomb\s+(?:threat|scare)\b|\bbomb\s+(?:in|at|on|inside)\s+(?:the|a|this|our|my)\b"
        r"|\bsuspicious\s+(?:package|object|bag|parcel|item|device)\b"
        r"|\b(?:being|getting|is being|am being|are being)\s+(?:attacked|assaulted|raped|molested|stalked|followed"
        r"|chased|beaten|robbed|mugged|kidnapped|threatened|groped)\b|\btrying\s+to\s+(?:grab|drag|break in|get in"
        r"|kill|hurt|stab"
        r"|rob)\b"
        r"|\brap(?:e|ed|ing)\b|\bsexual(?:ly)?\s+assault\w*|\bmolest\w*|\bindecent(?:ly)?\s+assault\w*",
    ),
    rule(
        "crime.zh",
        "crime",
        r"打劫|搶劫|行劫|劫匪|爆格|爆竊|入屋(?:偷|爆|搶)|有賊|小偷正在|賊人|撬(?:緊|開|門|鎖|我)|撬.{0,4}(?:門|鎖)"
        r"|非禮(?:緊|我)|強姦|強暴|性侵|綁架|擄走|挾持|人質|搶(?:嘢|袋|手袋|銀包|手機|錢)|跟蹤(?:緊)?我"
        r"|(?:而家|一直|仲)跟住我|(?:被|俾|畀)人跟蹤|有人跟蹤|(?:入|闖入|闖進|爆)(?:咗|了)?(?:我)?(?:屋企|屋|家|單位).{0,4}(?:偷|搶)|偷緊嘢|入室(?:搶劫|盜竊)",
        unless=PAST,
    ),
    rule(
        "crime.zh.weapon",
        "crime",
        r"(?:持|拎(?:住)?|揸(?:住)?|拿(?:著|着|住)?|揮)(?:把|支|枝|一把)?(?:刀|槍|斧頭|西瓜刀|武器|菜刀|牛肉刀)"
        r"|有(?:把|支)?槍|開槍|槍聲|有炸彈|放(?:咗|了)?炸彈|發現.{0,6}炸彈|(?:懷疑|似)(?:是|係)?炸彈|炸彈恐嚇"
        r"|計時炸彈|可疑物品",
    ),
    # --- self-harm ------------------------------------------------------------------------------------
    rule(
        "self_harm.en",
        "self_harm",
        r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|end|ending|poison|poisoning|hang|hanging|starve"
        r"|starving|burn|burning|unalive)\s+(?:my ?self|himself|herself|themselves|themself|my life|his life|her life"
        r"|it all)\b|\bkms\b|\bunalive\w*|\bsuicid\w*|\bself[\s-]?harm\w*|\bslit\s+(?:my|his|her)\s+wrists?",
    ),
    rule(
        "self_harm.en.intent",
        "self_harm",
        r"\bdone with (?:life|living|everything)\b|\bnothing matters any ?more\b|\b(?:tired|sick) of (?:living"
        r"|life)\b"
        r"|\bgive up on life\b|\b(?:pills|tablets|meds|medication)\b[^.!?]{0,40}\b(?:take"
        r"|swallow)\s+(?:them\s+)?all\b"
        r"|\b(?:want|wanna|going|gonna|plan|planning|thinking|tempted|ready|decided|about)\s+(?:to\s+|of\s+"
        r"|about\s+)?"
        r"(?:die|dying|end it|end my life|jump\s+(?:off|from|out of|in front of)|jumping\s+(?:off|from))\b"
        r"|\b(?:don'?t|dont|do not|no longer|not)\s+(?:want|wanna|wish)\s+(?:to\s+)?(?:live|be alive|exist|wake up"
        r"|be here)\b|\bbetter off (?:dead|without me)\b|\bno (?:reason|point) (?:to|in) (?:live|living|go on"
        r"|going on)\b"
        r"|\bcan'?t go on\b|\bnobody would (?:miss|care)\b|\btake my (?:own )?life\b|\bwish i (?:was|were) dead\b"
        r"|\b(?:end|ending)\s+(?:everything|it all|things|my life)\b|\bwant\s+(?:it|this"
        r"|everything)\s+(?:all\s+)?to\s+"
        r"(?:be over|end|stop)\b|\bdisappear forever\b|\bgoodbye\s+(?:letters?|notes?|messages?)\b|\bsuicide notes?\b"
        r"|\b(?:threatening|about|going|trying|wants?|ready)\s+to\s+jump\b|\bon the (?:ledge|edge of the (?:roof"
        r"|building))\b"
        r"|\bjump(?:ing)?\s+(?:off|from)\s+(?:the|a|this|my)?\s*(?:roof|rooftop|building|bridge|window|balcony"
        r"|tower)\b",
    ),
    rule("self_harm.mixed", "self_harm", r"(?:kill|end|hurt|cut)\s*(?:咗|左|了)?\s*(?:自己|myself|himself|herself)"),
    rule(
        "self_harm.zh",
        "self_harm",
        r"自殺|自殘|自我傷害|輕生|尋死|想死|唔想(?:再)?(?:生存|活|生|做人)|不想(?:再)?活|活不下去|生無可戀"
        r"|結束(?:自己的?|我的?)?生命|了結(?:自己|生命|殘生)|跳樓|跳落(?:去|嚟|街)|燒炭(?!爐|燒烤)|割(?:脈|腕|手)"
        r"|傷害(?:我)?自己|活夠(?:了|喇|啦)?|想解脫|求解脫|一了百了|藥.{0,12}(?:一次過?|全部|一口氣|一下子)(?:咁)?(?:食|吃|吞|服)"
        r"|(?:活着|活著|生存)(?:真係|真的|實在)?(?:太|好|很)?(?:累|辛苦|冇意思|沒意思|沒有意義|冇意義|痛苦)"
        r"|𠝹手|上吊|一死了之|唔想再醒|想去死|要去死|自我了斷|了斷自己|跳(?:海|河|橋|軌)"
        r"|(?:天台|樓頂|樓上|橋|窗).{0,6}跳(?:下|落)|跳(?:下|落)(?:去|來|嚟)|(?:天台|樓頂|橋|窗|欄杆).{0,12}想跳"
        r"|遺書|絕命書|想唔開|收(?:緊)?炭",
    ),
)
