//! An e-mail address, checked pragmatically: catch typos, never refuse a real address people use.

use super::RuleError;

/// Longest address (RFC 5321 path limit less the angle brackets).
pub const MAX_LEN: usize = 254;
const MAX_LOCAL_LEN: usize = 64;
const MAX_LABEL_LEN: usize = 63;

/// An e-mail address: `local@domain`, the domain lower-cased, the local part kept as typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

string_value!(Email.0, parse);

impl Email {
    /// The part before the `@`.
    pub fn local_part(&self) -> &str {
        self.0.split_once('@').map_or("", |(l, _)| l)
    }

    /// The lower-cased part after the `@`.
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map_or("", |(_, d)| d)
    }
}

/// Characters of an unquoted local part (RFC 5322 "atext" plus `.`).
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-.".contains(c)
}

fn valid_local(local: &str) -> bool {
    !local.is_empty()
        && local.len() <= MAX_LOCAL_LEN
        && local.chars().all(is_local_char)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
}

/// ASCII labels of letters, digits and inner hyphens, at least two of them; the last one (top
/// level domain) not all digits. Internationalised domains are accepted in their `xn--` form.
fn valid_domain(domain: &str) -> bool {
    let mut labels = 0;
    let mut last = "";
    for label in domain.split('.') {
        let ok = !label.is_empty()
            && label.len() <= MAX_LABEL_LEN
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return false;
        }
        labels += 1;
        last = label;
    }
    labels >= 2 && !last.bytes().all(|b| b.is_ascii_digit())
}

/// Blank → `Required`; longer than [`MAX_LEN`] bytes → `TooLong`; not exactly one `@`, an empty
/// or malformed local part, or a domain without a dot → `Invalid`. Surrounding whitespace is
/// trimmed; whitespace inside is `Invalid`.
pub fn parse(raw: &str) -> Result<Email, RuleError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(RuleError::Required);
    }
    if s.len() > MAX_LEN {
        return Err(RuleError::TooLong { max: MAX_LEN });
    }
    let (local, domain) = s.split_once('@').ok_or(RuleError::Invalid)?;
    let domain = domain.to_ascii_lowercase();
    if valid_local(local) && valid_domain(&domain) {
        Ok(Email(format!("{local}@{domain}")))
    } else {
        Err(RuleError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_everyday_addresses_and_lower_cases_the_domain() {
        for (raw, want) in [
            ("ramesh.kumar@gmail.com", "ramesh.kumar@gmail.com"),
            ("  Sunita.Devi@Yahoo.CO.IN ", "Sunita.Devi@yahoo.co.in"),
            ("sp-patna@bihar.gov.in", "sp-patna@bihar.gov.in"),
            ("first+tag@rediffmail.com", "first+tag@rediffmail.com"),
            ("o'neil_99@mail.example.org", "o'neil_99@mail.example.org"),
            (
                "user@xn--h2brj9c.xn--h2brj9c",
                "user@xn--h2brj9c.xn--h2brj9c",
            ),
            ("a@b.co", "a@b.co"),
        ] {
            assert_eq!(parse(raw).unwrap().as_str(), want, "{raw:?}");
        }
        let e = parse("Ram@Gmail.Com").unwrap();
        assert_eq!((e.local_part(), e.domain()), ("Ram", "gmail.com"));
    }

    #[test]
    fn rejects_typos() {
        assert_eq!(parse(""), Err(RuleError::Required));
        assert_eq!(parse(" \t"), Err(RuleError::Required));
        for raw in [
            "ramesh.gmail.com",
            "ramesh@@gmail.com",
            "ram@esh@gmail.com",
            "@gmail.com",
            "ramesh@",
            "ramesh@gmail",
            "ramesh@gmail.",
            "ramesh@.com",
            "ramesh@gmail..com",
            "ram esh@gmail.com",
            "ramesh@gm ail.com",
            "ramesh@gmail,com",
            "ramesh@-gmail.com",
            "ramesh@gmail-.com",
            "ramesh@1.2.3.4",
            ".ramesh@gmail.com",
            "ramesh.@gmail.com",
            "ra..mesh@gmail.com",
            "राम@gmail.com",
            "ram@जीमेल.com",
            "<ram@gmail.com>",
            "ram@gmail.com\u{0}",
        ] {
            assert_eq!(parse(raw), Err(RuleError::Invalid), "{raw:?}");
        }
    }

    #[test]
    fn length_limits() {
        let local = "a".repeat(64);
        assert!(parse(&format!("{local}@gmail.com")).is_ok());
        assert_eq!(
            parse(&format!("a{local}@gmail.com")),
            Err(RuleError::Invalid)
        );
        let long = format!("a@{}.com", "b".repeat(63) + &".bb".repeat(61));
        assert!(long.len() <= MAX_LEN, "{}", long.len());
        assert!(parse(&long).is_ok());
        let too_long = format!("a@{}.com", "b".repeat(63) + &".bb".repeat(62));
        assert_eq!(parse(&too_long), Err(RuleError::TooLong { max: 254 }));
    }

    #[test]
    fn serde_reruns_the_rule() {
        let e: Email = serde_json::from_str("\"Ram@Gmail.Com\"").unwrap();
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"Ram@gmail.com\"");
        assert!(serde_json::from_str::<Email>("\"not-an-email\"").is_err());
    }
}
