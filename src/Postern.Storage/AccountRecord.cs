namespace Postern.Storage;

/// <summary>An account: a mail user of one domain.</summary>
/// <param name="Name">The part before <c>@</c>, unique in its domain.</param>
/// <param name="Credentials">The password verifiers; the clear password is never stored.</param>
/// <param name="Settings">Account settings in the CommuniGate dictionary text format.</param>
/// <param name="Prefs">The account's own WebUser preferences in the dictionary text format.</param>
public sealed record AccountRecord(
    long Id,
    long DomainId,
    string Name,
    string RealName,
    AccountCredentials Credentials,
    string Settings,
    string Prefs,
    DateTimeOffset Created);

/// <summary>What the store keeps to verify a password, opaque to the store.</summary>
/// <param name="PasswordHash">A salted KDF hash in a self-describing text form.</param>
/// <param name="CramMd5Secret">
/// The precomputed HMAC-MD5 key states for CRAM-MD5, or null when CRAM-MD5 is disabled. It is
/// password-equivalent for CRAM-MD5 only.
/// </param>
public sealed record AccountCredentials(string PasswordHash, byte[]? CramMd5Secret);

/// <summary>What a new account starts with.</summary>
public sealed record NewAccount(long DomainId, string Name, string RealName, AccountCredentials Credentials, string Settings);
