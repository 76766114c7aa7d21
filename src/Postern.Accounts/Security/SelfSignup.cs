using Postern.Data;
using Postern.Storage;

namespace Postern.Accounts.Security;

/// <summary>
/// The domain policy on self-service: whether people may create their own accounts (the domain setting
/// <c>AutoSignup</c>, CommuniGate's "Auto-Signup", off unless set to <c>YES</c>) and whether they may
/// recover a forgotten password (<c>PasswordRecovery</c>, on unless set to <c>NO</c>), and the account
/// setting that holds the recovery address.
/// </summary>
public static class SelfSignup
{
    /// <summary>The domain setting that allows sign-ups.</summary>
    public const string DomainSetting = "AutoSignup";

    /// <summary>The domain setting that allows password recovery.</summary>
    public const string RecoveryDomainSetting = "PasswordRecovery";

    /// <summary>The account setting that holds the address for password recovery (CommuniGate's name).</summary>
    public const string RecoveryAddressSetting = "RecoverPassword";

    /// <summary>A recovery address is an e-mail address: at most 254 octets in a path (RFC 5321 §4.5.3.1.3).</summary>
    public const int MaxRecoveryAddressLength = 254;

    public static bool IsAllowed(DomainRecord domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return DomainService.GetSettings(domain).Find(DomainSetting)?.AsString is { } value
            && (value.Equals("YES", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
    }

    /// <summary>Whether the domain lets its users recover a forgotten password by mail.</summary>
    public static bool AllowsRecovery(DomainRecord domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return DomainService.GetSettings(domain).Find(RecoveryDomainSetting)?.AsString is not { } value
            || !(value.Equals("NO", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value == "0");
    }

    /// <summary>Whether <paramref name="address"/> can be kept as a recovery address (one mailbox, <c>local@domain</c>, no controls).</summary>
    public static bool IsValidRecoveryAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        return address.Length <= MaxRecoveryAddressLength && at > 0 && at < address.Length - 1
            && !address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is ',' or ';' or '<' or '>');
    }

    /// <summary>The account's recovery address, when it has a usable one.</summary>
    public static string? RecoveryAddressOf(AccountRecord account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return AccountService.GetSettings(account).Find(RecoveryAddressSetting)?.AsString is { Length: > 0 } address && IsValidRecoveryAddress(address)
            ? address
            : null;
    }

    /// <summary>The account's recovery address as a settings change.</summary>
    public static DataDictionary RecoveryAddress(string address) => new() { [RecoveryAddressSetting] = address };
}
