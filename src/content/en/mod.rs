//! English content, taken from the OSCE guidance (`shared/seeds/004_*.txt`).

use super::{Aim, Area, Card, CardsHelp, Deck, EntryPoint, Facilitator, Source, Think, ThinkStep};

mod facilitator;
pub use facilitator::{FACILITATION, PRESENT_HELP};

/// The facilitator's part of the guidance in this language (a wasm chunk of its own in the browser).
pub static FACILITATOR: Facilitator = Facilitator {
    facilitation: &FACILITATION,
    present_help: &PRESENT_HELP,
};

pub const SOURCE: Source = Source {
    title: "Engaging young men in the promotion of gender equality",
    subtitle: "Guidance for young men from Central Asia who want to take action for more inclusive and just societies",
    publisher: "Organization for Security and Co-operation in Europe (OSCE), Gender Issues Programme",
    authors: &["Henri Myrttinen", "Tynchtykbek Bakytov"],
    byline: "Henri Myrttinen and Tynchtykbek Bakytov",
    programme: "Prepared within the OSCE project “WIN for Women and Men”, under the Young Women 4 Peace Initiative: Empowering Central Asian Young Women (YW4P), funded by the European Union.",
    funder_note: "Its content is the sole responsibility of the authors and does not necessarily reflect the views of the European Union and the OSCE.",
    publisher_short: "OSCE",
    quotes: ["“", "”"],
    translation_note: None,
};

/// "Step 1: THINK!" of the guidance. Wording kept; extraction slips fixed (broken lines joined,
/// footnote marks removed, "in terms what" → "in terms of what", a doubled full stop).
pub const THINK: Think = Think {
    context_title: "Your context",
    context: &[
        "The perception of gender and gender inequality is continually evolving. Recent years have witnessed the development of programmes and initiatives in Central Asia aimed at narrowing the gender gap.",
        "Dominant gender norms that favour men’s power, commonly referred to as patriarchal values, do not, however, only privilege men, but also place constraints on them that may reduce their well-being. Having more gender equal relationships with women and feeling less bound to rigid gender-role expectations, for example through men’s greater participation in caregiving, can positively impact men’s mental health, while also promoting equality at home and in society.",
        "Men can have a crucial role in building a more just society by raising awareness of the negative effects of gender stereotypes and structural inequalities, while also cooperating with women’s rights organizations and movements and being proactive allies. Eventually, gender equality brings benefits not only to women but also to men.",
    ],
    why_title: "Why is engaging men crucial for Central Asia?",
    why: &[
        "Key challenges include persistent patriarchal gender norms, the impact of labour migration on family structures and male identity, the growing influence of conservative religious discourse, and the limited access of young people – especially boys – to critical, gender-sensitive education.",
        "At the same time, there are promising initiatives led by civil society, youth groups and international organizations. These efforts aim to engage men and boys as allies for gender equality and include context-specific approaches such as educational programmes, discussion groups, community mobilization and advocacy.",
    ],
    exercise_title: "Exercise on Identifying Gender Norms, Roles and Expectations",
    exercise_intro: "This is a short exercise that you can do yourself and/or with your colleagues or community members to think through what gender norms, roles and expectations exist in your community, and how they affect women and men.",
    steps: &[
        ThinkStep {
            id: "norms",
            explanation: "Gender roles and expectations influence both men and women. Often, men and women face pressure to conform to rigid gender norms. With gender norms we refer to cultural expectations of what it means to be a ‘real’ or ‘proper’ woman or man in terms of what they are expected to do/not do, how they interact with others, and what qualities they are supposed to have.",
            question: "What are three different common gender norms that you can identify in your community?",
        },
        ThinkStep {
            id: "men_and_boys",
            explanation: "For men, expectations of ‘what it means to be a man’ may limit emotional expression, or discourage vulnerability or participation in care-related roles. Men’s internalized gender norms and the influence of friends, family members, neighbours, and others may create pressure on men to act as the dominant partner in a relationship, leading to controlling behaviour and potentially intimate partner violence.",
            question: "How do dominant gender norms in your community affect men and boys?",
        },
        ThinkStep {
            id: "women_and_girls",
            explanation: "Patriarchal norms and practices reduce the space available for women to participate fully and on equal terms with men in society, the economy, and politics.",
            question: "How do dominant gender norms in your community affect women and girls?",
        },
        ThinkStep {
            id: "benefits",
            explanation: "Engaging men and boys is essential to fostering more balanced, respectful and equal relationships, and to dismantling harmful gender norms. When men actively support gender equality, this contributes to safer communities, improved well-being for persons of all genders and more inclusive institutions.",
            question: "What benefits could women and men in your community gain from more gender equality?",
        },
    ],
    suggested_norms: &[
        "A man should be the main provider for the family.",
        "Caring for children and the home is a woman’s job.",
        "A real man does not show sadness or ask for help.",
        "Men make the important decisions in the family.",
    ],
    aims_question: "What do you want to achieve by engaging men?",
    aims_intro: "Before designing your activity, it is worth thinking about what you want to achieve by engaging men: is it, for example, about changing a particular norm or activity (e.g. encouraging participation in child care); is it about getting men to support and/or make space for women in decision-making; or is it about giving men space to discuss their gendered needs and challenges (e.g. pressure to be a provider)? These are not mutually exclusive, but may require different approaches.",
    aims: &[
        Aim {
            id: "awareness",
            title: "Increase the awareness of your community about the benefits of gender equality",
            expected: &[
                "Emphasize that gender equality initiatives promote a strong and united community. Engaging men in promoting equality helps to shape a more transparent and fair environment where every individual feels valued and can contribute to positive changes.",
                "Highlight the importance of exploring best practices and innovations. Use success stories from various countries, especially from the region, to build an initiative based on sustainable and proven practices.",
                "Your action should have a long-term objective. Identify a set of specific actions that can help you transform the community and/or its gender norms. For instance, develop long-term partnerships with relevant groups/stakeholders in the community.",
            ],
            avoid: "Organize one-off events – change processes take time, so it is important to engage with the community over a longer period of time, not only once.",
        },
        Aim {
            id: "leadership",
            title: "Encourage young men to take on leadership roles to advocate for gender equality",
            expected: &[
                "Emphasize that present-day leadership skills include knowledge and awareness about the role of men in gender equality, as well as proactive engagement to change harmful gender norms and promote women’s equal participation.",
            ],
            avoid: "Just make speeches. While vocal public support to gender equality is important, meaningful engagement should go beyond declarative statements and include introspection, action, and role-model behaviours.",
        },
        Aim {
            id: "peers",
            title: "Expand the group of peers ready to take action for gender equality",
            expected: &[
                "Ground prior reflection and discussion on men’s role in achieving gender equality.",
                "Reflect on your own power and privilege as men and how it has influenced your life and your decisions.",
                "Clearly state that the group will be a place for difficult conversations, for addressing both personal and institutional practices of men (and sometimes women) that impede gender equality.",
                "Be aware that men may be at different stages of engagement with gender equality. Encourage them into honest and open dialogues with colleagues about gender equality.",
                "Encourage discussion on what “patriarchy” means in your community and how it affects everyone, including negative impacts on men as well as women. Emphasize that men have a role to play in ensuring everyone benefits from more gender-equal societies and workplaces.",
            ],
            avoid: "Categorize all men as “bad actors”.",
        },
    ],
    privilege_prompt: "Reflect on your own power and privilege as men and how it has influenced your life and your decisions.",
    levels_note: "Change processes work best when they are mutually reinforcing and address different kinds of needs at different levels. Approaches that seek to understand and address change at various levels are called socio-ecological approaches (Annex 1). You can of course not address all of these issues on your own, but it is worth thinking already at this stage about what other activities and processes could help support your work, and who your allies might be in this respect.",
};

/// The names of Annex 2's five thematic areas, in `Area::ALL` order (also read by imports in any
/// interface language, so they stay outside the language's pack).
pub const AREA_NAMES: [&str; 5] = [
    "Gender equality and women’s participation",
    "Gender and economic development",
    "Gender in the workplace",
    "Gender and family life",
    "Gender and men’s well-being",
];

/// "ANNEX 2 – List of potential gender equality issues to reflect upon". Wording kept; extraction
/// slips fixed ("PARTICIPTION", topics broken over several lines joined). Content notes and
/// entry points are ours.
pub const DECK: Deck = Deck {
    area_names: AREA_NAMES,
    // PLAN! step 3 names fatherhood, emotional health, violence prevention and workplace equality;
    // ACT! adds health and leadership among topics that resonate with men and boys.
    entry_point_names: [
        "Fatherhood",
        "Emotional health",
        "Violence prevention",
        "Workplace equality",
        "Health",
        "Leadership",
    ],
    cards: &[
        Card {
            id: "gender-mainstreaming",
            area: Area::Participation,
            topic: "What is gender mainstreaming?",
            example: "A ministry adopts a gender strategy but implements it only in “women’s” departments, ignoring how transport, energy, or infrastructure affect men and women differently.",
            questions: &[
                "What does it mean to apply a gender lens to all sectors?",
                "How can we ensure gender mainstreaming isn't just a box-ticking exercise?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::Leadership, EntryPoint::WorkplaceEquality],
        },
        Card {
            id: "patriarchy-power-privilege",
            area: Area::Participation,
            topic: "Reasoning about patriarchy, power, and privilege",
            example: "During a training, a male participant says, “We respect women — our mothers, sisters, wives,” but objects to the idea of women leading village councils.",
            questions: &[
                "What’s the difference between individual respect and systemic equality?",
                "How can men reflect upon their own social privileges in their communities?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::Leadership],
        },
        Card {
            id: "human-rights-programming",
            area: Area::Participation,
            topic: "Gender equality as a prerequisite for human rights programming",
            example: "A human rights project faces backlash for “destroying family values” when it promotes gender equality in legal reforms.",
            questions: &[
                "How do we talk about gender equality in ways that connect with local values like justice, respect, and dignity?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::Leadership],
        },
        Card {
            id: "climate-change",
            area: Area::Economy,
            topic: "How will climate change affect gender equality?",
            example: "Climate-related droughts force many men to migrate for work, leaving women to care for children and the elderly without adequate state support.",
            questions: &[
                "How are gender roles shifting due to climate change?",
                "What kinds of policies are needed to protect the most vulnerable?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::Fatherhood, EntryPoint::Leadership],
        },
        Card {
            id: "economic-development",
            area: Area::Economy,
            topic: "The link between economic development and gender equality",
            example: "In rural areas, microcredit programmes for women have increased family income, but some husbands now take control of their wives’ earnings.",
            questions: &[
                "How do we ensure women’s economic empowerment doesn’t lead to new forms of control or violence?",
                "What role do men play in supporting gender equity?",
            ],
            content_note: Some("This card touches on control and violence in the home."),
            entry_points: &[
                EntryPoint::ViolencePrevention,
                EntryPoint::WorkplaceEquality,
            ],
        },
        Card {
            id: "workplace-dynamics",
            area: Area::Workplace,
            topic: "Men, women, and workplace dynamics",
            example: "In a local development organization, women make up 70% of the staff but rarely speak up in management meetings. Male colleagues often take credit for their ideas.",
            questions: &[
                "How do traditional perceptions of male and female roles shape communication and leadership in mixed teams?",
                "How can both men and women contribute to more equitable participation?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::WorkplaceEquality, EntryPoint::Leadership],
        },
        Card {
            id: "sexual-harassment",
            area: Area::Workplace,
            topic: "Preventing sexual harassment in the workplace",
            example: "In a government office, a young woman is repeatedly asked personal questions by her male supervisor. When she complains, her colleagues advise her to “just ignore it.”",
            questions: &[
                "What do we consider as harassment?",
                "How do social taboos and silence around harassment affect victims in Central Asian workplaces?",
                "What kind of support systems are needed?",
            ],
            content_note: Some(
                "This card is about sexual harassment. It may bring up personal experiences: take it at your own pace.",
            ),
            entry_points: &[
                EntryPoint::WorkplaceEquality,
                EntryPoint::ViolencePrevention,
            ],
        },
        Card {
            id: "workplace-stereotypes",
            area: Area::Workplace,
            topic: "Gender stereotypes in the workplace",
            example: "A woman working in the national security sector notices that in order to be taken seriously, she has to suppress her emotions and behave “tough.” Meanwhile, her male colleagues believe that showing feelings or expressing doubts is a sign of weakness.",
            questions: &[
                "How do cultural expectations of men and women influence behaviour in security and defence institutions?",
                "How can we promote diversity and inclusion in these sectors?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::WorkplaceEquality, EntryPoint::EmotionalHealth],
        },
        Card {
            id: "money-matters",
            area: Area::Family,
            topic: "Money matters: Who is responsible for financial decisions in our families?",
            example: "In a family, the father controls all the finances, even though the mother also works full-time as a teacher.",
            questions: &[
                "How do power and trust materialize in financial decisions at home?",
                "What are ways to build transparency and shared financial responsibility?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::Fatherhood],
        },
        Card {
            id: "sharing-responsibilities",
            area: Area::Family,
            topic: "Sharing responsibilities at home",
            example: "A young couple tries to split chores equally, but his mother insists her son shouldn't “lower himself” to doing housework.",
            questions: &[
                "How are gender roles at home shaped by the expectations of others – of parents, parents-in-law, uncles/aunts, siblings, children?",
                "How can young couples navigate tradition and equality?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::Fatherhood],
        },
        Card {
            id: "decisions-affect-others",
            area: Area::Family,
            topic: "How our decisions affect others",
            example: "A man decides to migrate abroad for seasonal work, leaving his wife to care for three children and his elderly parents.",
            questions: &[
                "How do economic pressures affect families in our region, such as the pressure on men to migrate and women to move in with in-laws?",
                "Who takes the decisions?",
                "How can relationships be sustained in a healthy way in these situations?",
                "How can families make decisions that consider everyone's well-being?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::Fatherhood, EntryPoint::EmotionalHealth],
        },
        Card {
            id: "parental-leave",
            area: Area::Family,
            topic: "Parental leave, family leave, paternity leave",
            example: "A man is mocked by relatives for taking paternity leave after his wife gave birth. \"Are you the mother now?\" they joke.",
            questions: &[
                "How do we challenge the idea that caregiving is only women's work?",
                "What are the benefits for children, if both parents care for them?",
                "What would it take for men to feel proud of being hands-on fathers?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::Fatherhood],
        },
        Card {
            id: "healthy-lifestyle",
            area: Area::WellBeing,
            topic: "Masculinity and behaviour for a healthy lifestyle?",
            example: "In a support group, men say they rarely go for check-ups because it's seen as weak to worry about health. One participant had a heart attack at 45.",
            questions: &[
                "How do traditional ideas of masculinity affect men's health?",
                "What's the cost of silence?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::Health],
        },
        Card {
            id: "mental-health",
            area: Area::WellBeing,
            topic: "Men and mental health",
            example: "A man struggling with depression visits a mullah instead of a psychologist, fearing judgment from his peers if he seeks therapy.",
            questions: &[
                "Where do men in our communities turn for help?",
                "Why is seeking help important?",
                "How can we reduce stigma around mental illness?",
            ],
            content_note: Some(
                "This card is about depression and seeking help. If it is close to home, it is fine to pause or skip it.",
            ),
            entry_points: &[EntryPoint::EmotionalHealth, EntryPoint::Health],
        },
        Card {
            id: "public-health",
            area: Area::WellBeing,
            topic: "Men's health is public health",
            example: "A district runs free health check-ups for men, but turnout is low. Many say they don't need a doctor unless they \"can't walk.\"",
            questions: &[
                "What would make men more likely to care about health prevention?",
                "How can public health campaigns be more gender-sensitive to reach different target groups?",
            ],
            content_note: None,
            entry_points: &[EntryPoint::Health],
        },
        Card {
            id: "stress-anger",
            area: Area::WellBeing,
            topic: "Stress, pressure, and anger management",
            example: "A man in a village lashes out at his son after losing his job but later feels ashamed. He's never learned to express emotions without anger.",
            questions: &[
                "What tools do men need to cope with stress and emotions in healthy ways?",
                "How can we teach non-violent ways of working through negative emotions to men of all ages?",
            ],
            content_note: Some(
                "This card is about anger towards a child. It may bring up difficult memories: take it at your own pace.",
            ),
            entry_points: &[
                EntryPoint::EmotionalHealth,
                EntryPoint::ViolencePrevention,
                EntryPoint::Fatherhood,
            ],
        },
    ],
    help: CardsHelp {
        intro: "Sixteen everyday situations in five themes, each with questions to think about alone or to talk about in a group. Pick one that speaks to you, or draw one at random.",
        own_cards: "Write cards about situations from your own town, adapt a card of the guidance to your audience, or bring in cards another organisation shared with you. They stay on this device until you share them.",
        note_hint: "Only you see this note: it stays in this browser and is never shown when presenting. It saves itself as you type.",
        missing: "The link may be mistyped, or the card may no longer exist. All the cards are one step away.",
        own_intro: "Cards you write or adapt for your own audience: situations from your town, your language, your work. They are kept in this browser and go nowhere unless you share them.",
        own_empty: "You have no cards of your own yet. Write one, or open a card of the guidance and choose “Duplicate and adapt”.",
        share_hint: "A JSON file brings the cards into this app on another device. A CSV file opens in Excel, LibreOffice or Google Sheets, where cards can be written and then brought back in.",
        link_private: "The cards travel inside the link itself, after the # sign, which browsers never send to any server. Anyone with the link can read these cards: share it only with people you trust.",
        import_text: "Open a JSON or CSV file of cards, for example one another organisation shared with you. You will see what is new before anything is added.",
        areas_text: "Besides the five themes of the guidance, your cards can have themes of your own.",
        area_in_use: "Cards still use this theme. Give them another theme first; then it can be removed.",
        example_hint: "An everyday situation your group will recognise: the guidance asks to localise examples.",
        content_note_hint: "For a sensitive topic: a short, calm note shown before the card.",
        shared_intro: "These cards came inside the link you opened. Nothing was fetched from a server, and nothing is stored until you choose to add them.",
        shared_empty: "This page shows cards shared by link, but this link holds no cards. Ask the person who sent it for the whole link, or for a file.",
    },
};
