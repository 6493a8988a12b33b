using System.Security.Cryptography;
using System.Text;

namespace DailyPapers.Web.Pages.Library;

/// <summary>
/// A library's key: 192 random bits as base64url (32 characters), shown to its reader once and never stored. The
/// database holds its SHA-256, and a library is found by looking that hash up in a unique index: a key is never compared
/// character by character, so how long an answer takes says nothing about how much of a guess was right. Every key
/// given, well-formed or not, is hashed and looked up, so a malformed key costs what a wrong one does.
/// </summary>
internal static class LibraryKey
{
    public const int RandomBytes = 24;

    /// <summary>Longer text is no key: it is hashed as the empty key (which no library has) so the lookup still runs.</summary>
    private const int LongestKey = 64;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(RandomBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string? key) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(key is { Length: <= LongestKey } ? key : ""));
}
