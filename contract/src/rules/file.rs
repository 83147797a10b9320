//! Uploaded files (photos, ID proofs), judged by their content: the first bytes ("magic
//! numbers"), never the file name or the type the browser claims.

use super::RuleError;
use serde::{Deserialize, Serialize};

/// The kinds of file the portal takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Jpeg,
    Png,
    Pdf,
}

impl FileKind {
    /// The media type to send and store, e.g. `"image/jpeg"`.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Pdf => "application/pdf",
        }
    }

    /// The usual file-name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Pdf => "pdf",
        }
    }

    /// True for the image kinds.
    pub fn is_image(self) -> bool {
        matches!(self, Self::Jpeg | Self::Png)
    }
}

const JPEG_MAGIC: &[u8] = &[0xFF, 0xD8, 0xFF];
const PNG_MAGIC: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const PDF_MAGIC: &[u8] = b"%PDF-";

/// The kind of file `bytes` holds, from its first bytes; `None` for anything else.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(JPEG_MAGIC) {
        Some(FileKind::Jpeg)
    } else if bytes.starts_with(PNG_MAGIC) {
        Some(FileKind::Png)
    } else if bytes.starts_with(PDF_MAGIC) {
        Some(FileKind::Pdf)
    } else {
        None
    }
}

/// Empty → `Required`; not one of `allowed` → `WrongFileType`; larger than `max_bytes` →
/// `FileTooLarge`. The type is checked first: a wrong file is wrong at any size.
pub fn check(bytes: &[u8], allowed: &[FileKind], max_bytes: usize) -> Result<FileKind, RuleError> {
    if bytes.is_empty() {
        return Err(RuleError::Required);
    }
    let kind = sniff(bytes)
        .filter(|k| allowed.contains(k))
        .ok_or(RuleError::WrongFileType)?;
    if bytes.len() > max_bytes {
        return Err(RuleError::FileTooLarge { max_bytes });
    }
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0];
    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
    ];
    const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    const ALL: &[FileKind] = &[FileKind::Jpeg, FileKind::Png, FileKind::Pdf];
    /// Delhi's tenant form limit.
    const LIMIT: usize = 200 * 1024;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(JPEG), Some(FileKind::Jpeg));
        assert_eq!(sniff(PNG), Some(FileKind::Png));
        assert_eq!(sniff(PDF), Some(FileKind::Pdf));
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(&[0xFF, 0xD8]), None, "truncated");
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b"<html><script>"), None);
        assert_eq!(sniff(b"PK\x03\x04"), None, "zip/docx");
        assert_eq!(sniff(b" %PDF-1.4"), None);
        assert_eq!(sniff(&PNG[..7]), None);
    }

    #[test]
    fn checks_kind_then_size() {
        assert_eq!(check(b"", ALL, LIMIT), Err(RuleError::Required));
        assert_eq!(check(JPEG, ALL, LIMIT), Ok(FileKind::Jpeg));
        assert_eq!(
            check(PDF, &[FileKind::Jpeg, FileKind::Png], LIMIT),
            Err(RuleError::WrongFileType)
        );
        assert_eq!(
            check(b"MZ\x90\x00", ALL, LIMIT),
            Err(RuleError::WrongFileType)
        );
        let mut big = PNG.to_vec();
        big.resize(LIMIT, 0);
        assert_eq!(
            check(&big, ALL, LIMIT),
            Ok(FileKind::Png),
            "exactly the limit"
        );
        big.push(0);
        assert_eq!(
            check(&big, ALL, LIMIT),
            Err(RuleError::FileTooLarge { max_bytes: LIMIT })
        );
        let mut big_exe = b"MZ".to_vec();
        big_exe.resize(LIMIT * 2, 0);
        assert_eq!(check(&big_exe, ALL, LIMIT), Err(RuleError::WrongFileType));
    }

    #[test]
    fn kind_names() {
        assert_eq!(FileKind::Jpeg.mime(), "image/jpeg");
        assert_eq!(FileKind::Png.mime(), "image/png");
        assert_eq!(FileKind::Pdf.mime(), "application/pdf");
        assert_eq!(FileKind::Jpeg.extension(), "jpg");
        assert!(FileKind::Png.is_image() && !FileKind::Pdf.is_image());
        assert_eq!(serde_json::to_string(&FileKind::Pdf).unwrap(), "\"pdf\"");
    }
}
