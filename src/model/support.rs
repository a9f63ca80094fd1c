//! The facilitator's list of local support services (PLAN!, "Referrals"): typed in before a
//! workshop, kept on this device, shown only on the facilitator's screens so it can be shared
//! confidentially with a participant. Never on the projected screen.

use serde::{Deserialize, Serialize};

use super::schema::Versioned;

pub const MAX_SERVICES: usize = 100;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_CONTACT_CHARS: usize = 500;
pub const MAX_HOURS_CHARS: usize = 200;
pub const MAX_NOTES_CHARS: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportService {
    pub name: String,
    /// Phone, address, messenger: as the facilitator writes it.
    pub contact: String,
    pub hours: String,
    /// Who it is for, language, cost, how to refer someone.
    pub notes: String,
}

/// What is wrong with a service entry, for the facilitator to put right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceProblem {
    NoName,
    TooLong { field: &'static str, max: usize },
    TooMany { max: usize },
}

impl SupportService {
    /// Trims the fields and checks them.
    pub fn tidy(mut self) -> Result<SupportService, ServiceProblem> {
        for field in [
            &mut self.name,
            &mut self.contact,
            &mut self.hours,
            &mut self.notes,
        ] {
            *field = field.trim().to_string();
        }
        self.check()?;
        Ok(self)
    }

    pub fn check(&self) -> Result<(), ServiceProblem> {
        if self.name.trim().is_empty() {
            return Err(ServiceProblem::NoName);
        }
        [
            (&self.name, MAX_NAME_CHARS, "name"),
            (&self.contact, MAX_CONTACT_CHARS, "contact"),
            (&self.hours, MAX_HOURS_CHARS, "hours"),
            (&self.notes, MAX_NOTES_CHARS, "notes"),
        ]
        .into_iter()
        .find(|(text, max, _)| text.chars().count() > *max)
        .map_or(Ok(()), |(_, max, field)| {
            Err(ServiceProblem::TooLong { field, max })
        })
    }
}

/// The whole list, stored under one key (it is small and read as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportServices {
    pub services: Vec<SupportService>,
}

impl Versioned for SupportServices {
    const VERSION: u32 = 1;
}

impl SupportServices {
    /// Adds a service at the end (checked and trimmed).
    pub fn add(&mut self, service: SupportService) -> Result<(), ServiceProblem> {
        if self.services.len() >= MAX_SERVICES {
            return Err(ServiceProblem::TooMany { max: MAX_SERVICES });
        }
        self.services.push(service.tidy()?);
        Ok(())
    }

    /// Replaces the service at `index` (checked and trimmed).
    pub fn update(&mut self, index: usize, service: SupportService) -> Result<(), ServiceProblem> {
        let service = service.tidy()?;
        if let Some(slot) = self.services.get_mut(index) {
            *slot = service;
        }
        Ok(())
    }

    /// Takes a service out; [`SupportServices::restore`] puts it back (undo).
    pub fn remove(&mut self, index: usize) -> Option<SupportService> {
        (index < self.services.len()).then(|| self.services.remove(index))
    }

    pub fn restore(&mut self, index: usize, service: SupportService) {
        let index = index.min(self.services.len());
        self.services.insert(index, service);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helpline() -> SupportService {
        SupportService {
            name: "  Youth helpline ".into(),
            contact: "150 (free)".into(),
            hours: "Every day, 9–21".into(),
            notes: "Russian and Kyrgyz".into(),
        }
    }

    #[test]
    fn services_are_added_trimmed_edited_removed_and_restored() {
        let mut list = SupportServices::default();
        assert_eq!(list.add(helpline()), Ok(()));
        assert_eq!(list.services[0].name, "Youth helpline");
        let mut edited = list.services[0].clone();
        edited.hours = "24 hours".into();
        assert_eq!(list.update(0, edited), Ok(()));
        assert_eq!(list.services[0].hours, "24 hours");
        let removed = list.remove(0);
        assert!(list.services.is_empty());
        assert_eq!(list.remove(0), None);
        list.restore(0, removed.unwrap_or_default());
        assert_eq!(list.services[0].hours, "24 hours");
    }

    #[test]
    fn a_service_needs_a_name_and_fits_the_limits() {
        let mut list = SupportServices::default();
        let nameless = SupportService {
            name: "   ".into(),
            ..helpline()
        };
        assert_eq!(list.add(nameless.clone()), Err(ServiceProblem::NoName));
        assert_eq!(list.update(0, nameless), Err(ServiceProblem::NoName));
        let long = SupportService {
            notes: "ы".repeat(MAX_NOTES_CHARS + 1),
            ..helpline()
        };
        assert_eq!(
            list.add(long),
            Err(ServiceProblem::TooLong {
                field: "notes",
                max: MAX_NOTES_CHARS
            })
        );
        for _ in 0..MAX_SERVICES {
            assert_eq!(list.add(helpline()), Ok(()));
        }
        assert_eq!(
            list.add(helpline()),
            Err(ServiceProblem::TooMany { max: MAX_SERVICES })
        );
    }

    #[test]
    fn markup_is_kept_as_text() {
        let mut list = SupportServices::default();
        let odd = SupportService {
            name: "<script>alert(1)</script>".into(),
            ..SupportService::default()
        };
        assert_eq!(list.add(odd), Ok(()));
        assert_eq!(list.services[0].name, "<script>alert(1)</script>");
    }
}
