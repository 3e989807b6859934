package extract

import "strings"

// Event classes (CAMEO-aligned; see the list at the top of event.go).
// ClassOther is a verb or event noun outside the list.
const (
	ClassStatement   = "statement"
	ClassAppeal      = "appeal"
	ClassIntend      = "intend"
	ClassConsult     = "consult"
	ClassMeet        = "meet"
	ClassAgree       = "agree"
	ClassSupport     = "support"
	ClassRescue      = "rescue"
	ClassYield       = "yield"
	ClassInvestigate = "investigate"
	ClassDemand      = "demand"
	ClassAccuse      = "accuse"
	ClassReject      = "reject"
	ClassWarn        = "warn"
	ClassProtest     = "protest"
	ClassSanction    = "sanction"
	ClassArrest      = "arrest"
	ClassAttack      = "attack"
	ClassKill        = "kill"
	ClassDisaster    = "disaster"
	ClassOther       = "other"
)

// EventClasses maps each class to its CAMEO root code(s), "-" for the
// classes CAMEO lacks. It is never written after initialization.
var EventClasses = map[string]string{
	ClassStatement:   "01",
	ClassAppeal:      "02",
	ClassIntend:      "03",
	ClassConsult:     "04",
	ClassMeet:        "04",
	ClassAgree:       "05/06",
	ClassSupport:     "07",
	ClassRescue:      "07",
	ClassYield:       "08",
	ClassInvestigate: "09",
	ClassDemand:      "10",
	ClassAccuse:      "11",
	ClassReject:      "12",
	ClassWarn:        "13",
	ClassProtest:     "14",
	ClassSanction:    "16",
	ClassArrest:      "17",
	ClassAttack:      "18/19",
	ClassKill:        "18/20",
	ClassDisaster:    "-",
	ClassOther:       "-",
}

// eventVerbClass classes verbs (and verb + particle or object phrases) by
// lemma. Verbs not listed are events of ClassOther unless nonEventVerbs
// holds them.
var eventVerbClass = buildLex(map[string]string{
	ClassStatement: "say tell announce state report confirm add note explain declare claim allege insist reveal indicate " +
		"comment describe express reiterate stress remark acknowledge admit write tweet mention argue predict " +
		"assert maintain testify disclose publish inform brief answer reply respond speak according_to",
	ClassAppeal:      "urge appeal ask request plead invite encourage seek implore petition call_for call_on press_for",
	ClassIntend:      "promise pledge vow offer plan intend",
	ClassConsult:     "discuss talk negotiate consult visit confer host",
	ClassMeet:        "meet",
	ClassAgree:       "sign agree accept approve ratify settle endorse conclude",
	ClassSupport:     "support back aid help assist fund arm supply praise defend protect",
	ClassRescue:      "rescue save evacuate",
	ClassYield:       "withdraw release lift ease remove retreat resign surrender concede de-escalate step_down roll_back pull_out free",
	ClassInvestigate: "investigate probe examine inspect",
	ClassDemand:      "demand",
	ClassAccuse:      "accuse blame criticize criticise condemn denounce",
	ClassReject:      "reject deny refuse oppose veto dismiss",
	ClassWarn:        "warn threaten",
	ClassProtest:     "protest demonstrate rally riot march",
	ClassSanction:    "sanction embargo boycott expel",
	ClassArrest:      "arrest detain capture jail imprison charge indict convict sentence prosecute",
	ClassAttack: "attack shoot_down shoot strike bomb shell raid invade assault ambush down target bombard storm " +
		"clash fight battle injure wound stab hit fire_on open_fire hijack",
	ClassKill:     "kill murder execute assassinate slay massacre behead die lose_life hang",
	ClassDisaster: "crash explode erupt collapse flood catch_fire",
})

// eventNounClass classes event nouns by lemma. Nouns not listed are events
// only when they carry one of eventNounSuffixes and are not nonEventNouns.
var eventNounClass = buildLex(map[string]string{
	ClassStatement:   "statement announcement remark comment claim report testimony declaration speech interview",
	ClassAppeal:      "appeal request plea call",
	ClassIntend:      "promise pledge offer plan",
	ClassConsult:     "talks talk negotiation discussion visit consultation conference dialogue",
	ClassMeet:        "meeting summit encounter",
	ClassAgree:       "agreement accord deal treaty ceasefire truce pact settlement signing",
	ClassSupport:     "support aid assistance backing help",
	ClassRescue:      "rescue evacuation",
	ClassYield:       "withdrawal release resignation de-escalation easing retreat surrender",
	ClassInvestigate: "investigation probe inquiry inspection",
	ClassDemand:      "demand",
	ClassAccuse:      "accusation criticism condemnation allegation",
	ClassReject:      "rejection denial refusal veto",
	ClassWarn:        "warning threat ultimatum",
	ClassProtest:     "protest demonstration rally riot",
	ClassSanction:    "sanction embargo boycott",
	ClassArrest:      "arrest detention capture trial conviction sentence indictment prosecution",
	ClassAttack: "attack airstrike strike bombing raid shelling assault invasion offensive ambush shooting fighting clash " +
		"shot shots war campaign battle hostilities violence shootout stabbing gunfire hijacking robbery heist theft arson",
	ClassKill:     "killing murder death execution assassination massacre homicide",
	ClassDisaster: "earthquake quake fire flood crash explosion blast accident tsunami eruption hurricane collapse outage",
	ClassOther: "election game match victory win loss escape party ceremony celebration funeral vigil " +
		"launch merger acquisition takeover purchase sale bid injury surgery operation treatment stay transfer " +
		"tournament playoff final departure arrival return problem crisis suspicion " +
		"end beginning outbreak struggle move event incident disaster emergency tension tensions involvement transition",
})

// eventAdjClass classes the few adjectives that report an event's result
// ("found dead", "pleaded guilty").
var eventAdjClass = buildLex(map[string]string{
	ClassKill:   "dead",
	ClassArrest: "guilty",
	ClassAttack: "injured wounded",
	ClassOther:  "missing",
})

// placeNouns head unnamed places that can be an event's location ("in
// prison", "at the store").
var placeNouns = buildSet("prison jail rehab home house apartment store shop supermarket mall facility office room cell " +
	"hospital clinic center centre school university campus church mosque temple street road highway bridge " +
	"airport station hotel restaurant bar club building courthouse court city town village neighborhood " +
	"neighbourhood area region country border camp base port harbor harbour coast sea ocean mountain river " +
	"field stadium arena park plant factory mine embassy compound headquarters scene site venue theater theatre")

// placeParts are nouns for a part of a place, completed by the place
// ("the outskirts of Kabul", "a district of Palermo").
var placeParts = buildSet("capital district suburb suburbs outskirts province county state part heart centre downtown borough")

// eventNounSuffixes mark nominalizations that are events ("investigation",
// "deployment"); nonEventNouns lists the common exceptions.
var eventNounSuffixes = []string{"tion", "sion", "ment", "ance", "ure"}

var nonEventNouns = buildSet("nation nations station position information government department administration " +
	"organization organisation population region question mention edition version section portion " +
	"minister ministry parliament moment comment apartment equipment environment document instrument element " +
	"segment fragment supplement compliment sentiment tournament " +
	"appearance performance distance balance allowance insurance instance assurance entrance " +
	"nature future culture picture structure temperature feature figure literature legislature creature " +
	"signature measure pressure procedure exposure mixture treasure furniture agriculture infrastructure " +
	"failure closure pleasure caricature adventure expenditure posture venture " +
	"condition tradition direction generation relation caution solution mission commission division " +
	"television vision dimension pension session fashion passion occasion opinion " +
	"convention intention attention institution constitution foundation location association corporation " +
	"federation coalition opposition")

// nonEventVerbs never make an event by themselves: auxiliaries, copulas,
// light and raising verbs.
var nonEventVerbs = buildSet("be have do will would shall should can could may might must get seem appear become " +
	"remain let include regard consider mean need want like keep try begin start continue " +
	"use tend stay")

// lexicalVerbs are nonEventVerbs that are events of their own when they
// take a noun phrase or a prepositional phrase rather than a verb or an
// adjective: "kept Peter Kay at number two", "will start on the bench",
// "wants a ban", "began in the early hours" (but "began to fall", "kept
// quiet").
var lexicalVerbs = buildSet("keep start begin continue want need mean stay include")

// lightVerbs pass their subject to an event-noun object ("held a meeting
// with", "conducting airstrikes") and are not events themselves then.
var lightVerbs = buildSet("hold have make take give conduct carry launch stage do mount extend")

// reportingVerbs take a reported clause, which their event Reports.
var reportingVerbs = buildSet("say tell announce state report confirm add note explain declare claim allege insist reveal " +
	"indicate comment describe reiterate stress acknowledge admit write tweet mention argue predict assert maintain " +
	"testify disclose deny warn accuse believe think suggest according_to")

// claimVerbs are the reporting verbs whose reported clause is a claim
// (Modality Reported, Claimant their agent): the speaker asserts, alleges
// or disputes what others may not. What the other reporting verbs report
// keeps its own modality.
var claimVerbs = buildSet("claim allege insist accuse deny contend argue assert maintain believe think suggest predict")

// noiseNouns are light or abstract event nouns that are events for an
// analyst only with a participant and a time of their own (see dropNoise).
var noiseNouns = buildSet("tension tensions crisis transition involvement remark remarks belief beliefs " +
	"problem problems situation")

// irrealisModals make the event they govern Possible.
var irrealisModals = buildSet("could may might can would should must")

// subordinators open a clause that is not the main one.
var subordinators = buildSet("that which who whom whose while whereas although though because since after before when " +
	"whenever if unless until as where")

// buildLex turns class -> space-separated lemmas ("_" joins a phrase) into
// lemma -> class.
func buildLex(m map[string]string) map[string]string {
	out := map[string]string{}
	for class, words := range m {
		for _, w := range strings.Fields(words) {
			out[strings.ReplaceAll(w, "_", " ")] = class
		}
	}
	return out
}

func buildSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[strings.ReplaceAll(w, "_", " ")] = true
	}
	return out
}

// personNouns head unnamed human participants: people by age, sex,
// kinship, occupation, office or part in an event ("a man", "the
// suspect", "two workers", "the actress").
var personNouns = buildSet("man woman boy girl child kid teen teenager youngster youth baby infant toddler person " +
	"adult resident citizen villager neighbor neighbour local native national victim survivor casualty witness " +
	"bystander passer-by hostage captive suspect gunman attacker assailant shooter sniper killer murderer robber thief " +
	"burglar raider looter arsonist bomber hijacker kidnapper pirate militant rebel insurgent terrorist fighter " +
	"extremist jihadist gangster mobster smuggler trafficker dealer hacker protester protestor demonstrator rioter " +
	"activist student pupil worker employee colleague coworker co-worker official officer policeman policewoman cop " +
	"detective agent trooper deputy sheriff marshal guard bodyguard soldier serviceman troop marine sailor pilot " +
	"co-pilot crewman commander general captain lieutenant sergeant colonel major president leader minister " +
	"premier chancellor king queen prince princess monarch spokesman spokeswoman spokesperson representative " +
	"lawyer attorney counsel prosecutor judge juror defendant plaintiff accused inmate prisoner detainee convict " +
	"doctor nurse surgeon physician patient paramedic medic firefighter fireman rescuer climber mountaineer hiker " +
	"skier swimmer diver tourist traveler traveller visitor driver motorist passenger pedestrian cyclist rider " +
	"actor actress singer rapper musician dancer star celebrity host presenter comedian director producer " +
	"filmmaker writer author novelist poet artist journalist reporter correspondent editor photographer " +
	"publicist manager coach trainer player athlete quarterback receiver linebacker pitcher batter striker " +
	"goalkeeper boxer wrestler fighter champion challenger opponent rival teammate captain fan supporter owner " +
	"founder chairman chairwoman ceo executive boss chief director mother father son daughter brother sister " +
	"husband wife parent grandfather grandmother grandson granddaughter uncle aunt cousin nephew niece relative " +
	"sibling twin friend girlfriend boyfriend fiance fiancee partner spouse widow widower customer client " +
	"shopper buyer seller user consumer subscriber voter candidate nominee senator governor mayor lawmaker " +
	"legislator congressman congresswoman politician diplomat ambassador envoy negotiator mediator investigator " +
	"inspector examiner coroner expert analyst scientist researcher engineer technician mechanic farmer " +
	"fisherman miner teacher professor principal pastor priest bishop pope cleric imam rabbi monk nun " +
	"parishioner worshipper believer member veteran recruit volunteer donor employer landlord tenant " +
	"homeowner guest winner loser contestant heir successor predecessor incumbent owner operator staffer aide " +
	"adviser advisor assistant secretary clerk cashier maid nanny housekeeper chef waiter waitress bartender " +
	"source rep others body")

// groupNouns head unnamed groups and organizations acting as one ("police",
// "the government", "the team").
var groupNouns = buildSet("people police authorities authority government administration military army navy " +
	"force forces troops company firm agency department ministry committee council court board organization " +
	"organisation union coalition alliance regime opposition delegation crowd mob gang group team squad " +
	"club band crew staff family community public audience congregation jury panel tribunal parliament " +
	"congress senate cabinet leadership management establishment network chain retailer manufacturer maker " +
	"studio label publisher broadcaster newspaper channel station media nation unit units school university college hospital " +
	"bank insurer lender carrier airline")

// participantPronouns refer to people (or groups) in any position.
var participantPronouns = buildSet("he she him himself herself they them themselves we us ourselves i me myself " +
	"you yourself")

// possessivePronouns refer to people (or groups) as possessors.
var possessivePronouns = buildSet("his her their my our your")
