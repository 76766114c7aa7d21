using Postern.Data;
using Postern.Skins;

namespace Postern.WebUser.Sessions;

/// <summary>
/// The Session Dataset pages read with SESSION(key): <c>ID</c>, <c>accountName</c>, <c>FullAccountName</c>,
/// <c>domainName</c>, <c>realName</c>, <c>skinName</c>, <c>language</c>, <c>clientAddress</c>,
/// <c>loginTime</c>, <c>isWML</c>, <c>filesRef</c> (the session skin's file URL prefix, so files can be cached
/// across sessions) and <c>FormToken</c> (the value state-changing forms must send).
/// </summary>
public sealed class SessionDataset : IDataLookup
{
    private readonly DataDictionary _values;
    private readonly SelectedSkin _skin;

    public SessionDataset(WebUserSession session, SelectedSkin skin, string? language)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(skin);
        _skin = skin;
        _values = new DataDictionary
        {
            ["ID"] = session.Id,
            ["accountName"] = session.Account.Name,
            ["FullAccountName"] = session.Account.ToString(),
            ["domainName"] = session.Account.Domain,
            ["realName"] = session.AccountRecord.RealName,
            ["skinName"] = session.SkinName,
            ["clientAddress"] = session.ClientAddress.ToString(),
            ["loginTime"] = new DataTimestamp(session.Created),
            ["FormToken"] = session.FormToken,
        };
        if (language is not null)
            _values["language"] = language;
        if (session.Client == Http.ClientKind.Wml)
            _values["isWML"] = DataString.Yes;
    }

    /// <inheritdoc/>
    public DataValue? Find(string key) =>
        key.Equals("filesRef", StringComparison.OrdinalIgnoreCase) ? DataString.From(_skin.FilesRef) : _values.Find(key);
}
