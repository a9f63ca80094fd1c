//! English facilitator notes: PLAN!'s "Planning for challenges" and the recommendations of ACT!
//! from the OSCE guidance (`shared/seeds/004_*.txt`), wording kept; extraction slips fixed
//! (doubled full stops, a doubled bracket, footnote marks). Reminders and help are the app's own.

use crate::content::{Facilitation, PresentHelp, Recommendation};

pub const FACILITATION: Facilitation = Facilitation {
    act_intro: "The following recommendations are adapted from the OSCE report “Engaging Men in Gender Equality at the OSCE and in Participating States”, which summarizes successful strategies for working with men in various contexts.",
    recommendations: &[
        Recommendation {
            title: "Build trust through appropriate safe spaces.",
            what_to_do: "Create informal, non-judgmental environments where men feel psychologically safe. This will depend on the audience – depending on their social position, some may feel more comfortable with a more formal process; others will be more comfortable with an informal space. Possible connection-building activities include storytelling, self-reflection or small-group peer conversations. Foster empathy through sharing personal experiences and emotions, and make the space more approachable with humour, culturally relevant references and relatable examples. As a facilitator, it helps to be open about your own process of change and your own experiences.",
            what_to_avoid: "Avoid rigid structures or formal, training-like tones in early sessions, as they can create pressure and undermine trust. Don’t force participation or allow environments with power imbalances or judgment, as these discourage openness and psychological safety.",
        },
        Recommendation {
            title: "Encourage openness and readiness for change.",
            what_to_do: "Build on the trust established to engage men in open, reflective conversations about gender norms and masculinity. Use flexible, curiosity-driven discussions that draw on real-life experiences, introduce positive male role models and frame discomfort as a natural part of personal growth and learning.",
            what_to_avoid: "Avoid using confrontational or moralizing language to persuade participants, as this can trigger resistance. Instead of labelling their views as toxic or wrong, guide them gently through reflection. Refrain from dominating sessions with one-way lectures or expecting rapid change – transformation takes time and trust. Keep in mind that change may be incremental, non-linear (i.e. there will also be setbacks), and that participants may face resistance or ridicule from others as they undergo their transformative process.",
        },
        Recommendation {
            title: "Leverage online learning and digital programmes, which have become increasingly popular and accessible for educational opportunities.",
            what_to_do: "Use online formats that enhance access to learning opportunities. When using online formats, ensure that they foster a psychologically safe space for reflection and dialogue. Carefully assess which topics are appropriate for virtual settings, especially when discussing sensitive issues, and make sure the security and confidentiality of online communication is guaranteed.",
            what_to_avoid: "Completely replace in-person meetings and live interactions.",
        },
        Recommendation {
            title: "Consider the role of external facilitators and experts.",
            what_to_do: "Engage external facilitators and experts who bring new perspectives, an objective view and professional knowledge, particularly in complex or specialized subjects. Involving experts may be subject to available funds or dependent on partners of co-operation.",
            what_to_avoid: "Fully rely on experts from outside of the community while ignoring leaders and activists of the community. It is important to combine expert opinions with local experience.",
        },
        Recommendation {
            title: "Comprehensive interventions are proving to be more effective.",
            what_to_do: "Use comprehensive interventions that combine different methods such as trainings, discussions, education campaigns and community engagement. This approach enhances impact and promotes long-term changes.",
            what_to_avoid: "Limit efforts to one-off events or simple lecturing that achieve only short-term results without systematic impact. Gender equality requires multilayered work at various levels of society.",
        },
        Recommendation {
            title: "Involve opinion leaders and influencers.",
            what_to_do: "Involve opinion leaders and influencers. They help to increase reach, communicate gender equality messages in clear language, and connect with new audiences.",
            what_to_avoid: "Rely solely on influencers without a clear strategy and mechanisms to evaluate their impact or those who may send mixed messages.",
        },
        Recommendation {
            title: "Engage men and boys through topics and areas that resonate with their interests (see Annex 2 for examples).",
            what_to_do: "Use topics and areas that resonate with men and boys (which can be traditionally male associated such as sports, technology, leadership, health and fatherhood) as entry points to engage them in conversations about gender equality.",
            what_to_avoid: "Avoid pushing abstract or unrelated topics without considering the interests and daily experiences of men and boys. Without a personal connection, engagement will be formal and ineffective.",
        },
        Recommendation {
            title: "Provide information on and establish linkages to appropriate service providers.",
            what_to_do: "Provide information on available support services, so that men know where to seek assistance during or after participation in the programme. Include medical and psychological services, counselling, and referral options for both victims and perpetrators of violence, subject to availability.",
            what_to_avoid: "Leave participants without support during or after the program, expecting them to independently find the resources they need.",
        },
    ],
    challenges_intro: "Working with men on promoting gender equality can touch upon issues that people feel strongly about, trigger past traumatic experiences, or reveal issues that require referral to others, for example medical or psychosocial services. Furthermore, we should also make sure that our efforts do indeed make a positive change in terms of promoting gender equality, rather than accidentally reinforcing men’s positions of power. It is important to note that these challenges may not arise, but if they do, having prepared for them will have been a worthwhile effort.",
    resistance_intro: "Resistance to gender norm change can arise for a range of reasons and can take different forms. Resistance may be due to, for example:",
    resistance_reasons: &[
        "Personal beliefs that go against gender equality,",
        "A lack of knowledge about the issues and their importance,",
        "A general resistance to change, especially if it is seen as coming from ‘outside’ one’s group,",
        "A discomfort in talking about gender-related issues, or",
        "Assuming that others in the group are also against change, and seeking to gain their approval.",
    ],
    resistance_response: "Resistance may be open, when, for example, someone raises arguments directly against gender equality, or it can be more subtle and involve ridiculing or downplaying the issue, undermining the authority of the facilitator, or reinforcing harmful norms outside of the training space. Whatever the form or the driver of the resistance, it is best not to ignore it but seek to address it. This should always be done in a respectful way, taking the resistance seriously but also asserting your stance, and not seeking to humiliate the other person. This may need to be done outside of the group space.",
    moveable_middle: "Also, keep in mind that there will always be those you cannot persuade, those who already agree with you, and those who fall somewhere in between. You should focus efforts on changing the attitudes of this ‘moveable middle’.",
    referrals: "Working on gender issues is not only sensitive due to possible resistance, but also because it can trigger traumatic memories and/or bring to light participants’ experiences that might require a referral to a mental or other kind of health care professional, social welfare services, or other support services. In order to be as prepared as possible for such eventualities, make sure that you have made a list of possible support services in the area, if they exist, so that you can share these confidentially with participants should the need arise. Remember, however, that you cannot force participants to reach out to service providers.",
    accountability: "A further factor to keep in mind during the planning and design process is accountability, i.e. whether or not the activities are meeting the set goals of promoting gender equality. A part of this accountability comes from routine monitoring, evaluation and self-reflection. However, it is globally good practice for men working on gender equality to also check in with women gender activists and women’s rights organizations to have them assess the degree to which the activities are living up to their goals. Ideally, this should already happen at the planning and design stage.",
    reminders: &[
        "Invite, don’t lecture: ask, listen, and let the group do most of the talking.",
        "No one has to speak. Passing is always fine.",
        "Meet resistance with respect: take it seriously, state your view, never humiliate.",
        "Talk with the moveable middle, not only with the loudest voices.",
        "If something painful comes up, offer the support services privately, after the session.",
    ],
};

pub const PRESENT_HELP: PresentHelp = PresentHelp {
    intro: "Show one THINK question or one scenario card at a time on a projector, with a discussion timer. Plan a session ahead, keep the guidance’s advice at hand, and note local support services.",
    two_screens: "With a projector, open the presenter view on your laptop: it shows what is on the big screen, what comes next, your notes and the timer, and opens a second window for the projector. Both windows stay in step, and either can drive.",
    private: "Present mode shows only the guidance’s questions, the cards and your plan. Answers and notes written in this app never appear on it.",
    agendas_intro: "Build the session beforehand: THINK questions, cards, breaks and items of your own, each with its planned time. The timer takes each item’s time when you reach it.",
    agendas_empty: "No plans yet. A plan is optional: you can also present the THINK questions or a set of cards straight away.",
    services_intro: "Before a workshop, note the support services in your area (health, psychological help, counselling, social services, help for people affected by violence), so you can share them confidentially with a participant who needs them.",
    services_private: "This list stays on this device. It is shown on the presenter’s screen, never on the projector.",
    letter_keys: "Single-letter keys can get in the way of speech input and some assistive technology. With them switched off, the arrow and page keys, Space, Escape and the buttons still work.",
    end_of_show: "That was the last item. Press Previous to go back, or Leave to end.",
};
