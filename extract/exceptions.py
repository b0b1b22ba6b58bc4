"""Errors of the extract stage, and the base class every jixiao error derives from.

Each error is about one file and says, in words a finance clerk can act on,
what is wrong with it. `str(error)` is one line: "<file>: <problem>".
"""

from __future__ import annotations


class JixiaoError(Exception):
    """Base of every error jixiao raises on purpose."""

    code = "error"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


class ExtractError(JixiaoError):
    """A file could not be read as a performance report."""

    code = "extract_error"


class FileMissing(ExtractError):
    """The path does not exist."""

    code = "file_missing"

    def __init__(self, path: str) -> None:
        super().__init__(path, "no such file")


class NotAFile(ExtractError):
    """The path is a folder or something else that is not a regular file."""

    code = "not_a_file"

    def __init__(self, path: str, what: str = "is a folder, not a .docx file") -> None:
        super().__init__(path, what)


class NotADocxFile(ExtractError):
    """The bytes are not a Word .docx package (a PDF, a legacy .doc, plain text ...)."""

    code = "not_docx"


class EncryptedDocument(ExtractError):
    """The file is a password-protected (encrypted) Word document."""

    code = "encrypted"

    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            "is password-protected (encrypted); open it in Word, remove the password "
            "(File > Info > Protect Document) and save it again as .docx",
        )


class DamagedDocument(ExtractError):
    """The package is a .docx but broken: truncated, malformed XML, a part missing."""

    code = "damaged"


class ResourceLimitExceeded(ExtractError):
    """The file exceeds a safety limit (size, compression ratio, XML depth, time)."""

    code = "limit_exceeded"


class FileUnreadable(ExtractError):
    """The file exists but the operating system refuses to read it."""

    code = "unreadable"


class LegacyFormat(NotADocxFile):
    """A word-processor format LibreOffice can turn into .docx (.doc, .wps, .rtf, .odt ...)."""

    code = "legacy_format"

    def __init__(self, path: str, problem: str, kind: str) -> None:
        super().__init__(path, problem)
        self.kind = kind
        """The detected format, e.g. "doc", "wps", "rtf", "odt" (see extract.ooxml.file_format)."""


class EncryptedLegacyDocument(EncryptedDocument):
    """A password-protected Word 97-2003 .doc."""

    def __init__(self, path: str) -> None:
        ExtractError.__init__(
            self, path,
            "is a password-protected Word 97-2003 .doc; open it in Word, remove the password "
            "and save it as .docx",
        )


class ConversionFailed(ExtractError):
    """--convert could not turn the file into .docx (LibreOffice missing, failed or too slow)."""

    code = "conversion_failed"
