using Postern.Accounts.Preferences;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>listKnownValues</c> → <c>knownValues</c>: the time zones a user may choose for the <c>TimeZone</c>
/// preference and the character sets offered for outgoing mail (docs/ximss.md §5.2).
/// </summary>
internal sealed class ListKnownValues : XimssOperationHandler<ListKnownValuesRequest>
{
    /// <summary>
    /// Character sets a composer may choose, as IANA names: UTF-8 first (it can say everything), then
    /// the legacy sets still common in mail, by region.
    /// </summary>
    public static IReadOnlyList<string> Charsets { get; } =
    [
        "utf-8", "us-ascii", "iso-8859-1", "iso-8859-15", "windows-1252", "iso-8859-2", "windows-1250", "iso-8859-5",
        "windows-1251", "koi8-r", "koi8-u", "iso-8859-7", "windows-1253", "iso-8859-9", "windows-1254", "iso-8859-8",
        "windows-1255", "windows-1256", "iso-8859-13", "windows-1257", "iso-2022-jp", "shift_jis", "euc-jp", "gb2312",
        "gbk", "big5", "euc-kr",
    ];

    private static readonly KnownValues s_values = new(TimeZonePreference.Choices, Charsets);

    public override ValueTask<XimssResult> ExecuteAsync(ListKnownValuesRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        context.Writer.WriteKnownValues(request.Id, s_values);
        return ValueTask.FromResult(XimssResult.Ok);
    }
}
