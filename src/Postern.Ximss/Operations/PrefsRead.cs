using Postern.Accounts.Preferences;
using Postern.Data;
using Postern.Storage;
using Postern.Ximss.Engine;
using Postern.Ximss.Preferences;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>prefsRead [type]</c> → <c>prefs</c>: the account's WebUser preferences as in effect (its own over
/// its domain's defaults over the server's), or with <c>type="custom"</c> its custom preferences; all of
/// them, or only those named by <c>&lt;name&gt;</c> children (docs/ximss.md §5.2).
/// </summary>
internal sealed class PrefsRead(IStore store, PreferencesService preferences) : XimssOperationHandler<PrefsReadRequest>
{
    public override async ValueTask<XimssResult> ExecuteAsync(PrefsReadRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        if (!PreferenceSets.TryParse(request.Type, out var set))
            return XimssError.InvalidAttribute("type", "expected custom, or no type");
        if (await store.Accounts.GetAsync(context.RequiredSession.AccountId, cancellationToken) is not { } account)
            return XimssError.ServerFailure;

        var values = set == PreferenceSet.Custom
            ? PreferencesService.GetCustom(account)
            : await preferences.GetEffectiveAsync(account, cancellationToken);
        var wanted = request.Names.IsEmpty ? null : request.Names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        context.Writer.WritePrefs(request.Id, request.Type, Elements(values, wanted));
        return XimssResult.Ok;
    }

    // Names that are not XML names cannot be elements; such keys come only from hand-edited data and are skipped.
    private static IEnumerable<XimssElement> Elements(DataDictionary values, HashSet<string>? wanted)
    {
        foreach (var (name, value) in values)
        {
            if ((wanted is null || wanted.Contains(name)) && XimssXmlWriter.IsValidName(name))
                yield return PreferenceXml.ToElement(name, value);
        }
    }
}
