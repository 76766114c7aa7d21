using Postern.Accounts;
using Postern.Data;
using Postern.Storage;

namespace Postern.Ximss.Authentication;

/// <summary>
/// Whether a domain lets people create their own accounts (XIMSS <c>signup</c>): the domain setting
/// <c>AutoSignup</c>, CommuniGate's "Auto-Signup", off unless an administrator sets it to <c>YES</c>.
/// </summary>
public static class SelfSignup
{
    /// <summary>The domain setting's key.</summary>
    public const string DomainSetting = "AutoSignup";

    /// <summary>The account setting that holds the address for password recovery (CommuniGate's name).</summary>
    public const string RecoveryAddressSetting = "RecoverPassword";

    public static bool IsAllowed(DomainRecord domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return DomainService.GetSettings(domain).Find(DomainSetting)?.AsString is { } value
            && (value.Equals("YES", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
    }

    /// <summary>The account's recovery address as a settings change.</summary>
    public static DataDictionary RecoveryAddress(string address) => new() { [RecoveryAddressSetting] = address };
}
