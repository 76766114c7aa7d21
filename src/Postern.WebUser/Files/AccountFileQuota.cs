using System.Globalization;
using Postern.Accounts;
using Postern.Storage;
using Postern.Storage.Files;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Files;

/// <summary>An account's File Storage limits, from its settings (docs/storage.md § File Storage).</summary>
public static class AccountFileQuota
{
    /// <summary>The CommuniGate account setting for the total size of the account's File Storage.</summary>
    public const string SizeSetting = "MaxWebSize";

    /// <summary>The CommuniGate account setting for how many files the account's File Storage may hold.</summary>
    public const string FilesSetting = "MaxWebFiles";

    private const string Unlimited = "unlimited";

    /// <summary>
    /// <c>MaxWebSize</c> (<c>100M</c>, <c>unlimited</c>) and <c>MaxWebFiles</c> where the account sets them,
    /// else <see cref="FileStorageQuota.Default"/>. The per-file limit is always the default's.
    /// </summary>
    public static FileStorageQuota For(AccountRecord account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var settings = AccountService.GetSettings(account);
        var defaults = FileStorageQuota.Default;
        var size = settings.Find(SizeSetting)?.AsString?.Trim() switch
        {
            null => defaults.MaxTotalBytes,
            var text when text.Equals(Unlimited, StringComparison.OrdinalIgnoreCase) => long.MaxValue,
            var text => WebUserPreferences.ParseSize(text) ?? defaults.MaxTotalBytes,
        };
        var files = settings.Find(FilesSetting)?.AsString?.Trim() switch
        {
            null => defaults.MaxEntries,
            var text when text.Equals(Unlimited, StringComparison.OrdinalIgnoreCase) => int.MaxValue,
            var text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : defaults.MaxEntries,
        };
        return defaults with { MaxTotalBytes = size, MaxEntries = files };
    }
}
