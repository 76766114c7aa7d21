using Postern.Accounts;
using Postern.Accounts.Preferences;
using Postern.Data;
using Postern.Storage;
using Postern.Ximss.Engine;
using Postern.Ximss.Preferences;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>prefsStore [type]</c>: stores each child element as a preference of the account (or, with
/// <c>type="custom"</c>, a custom preference); an empty element removes the account's own value so the
/// default applies again (docs/ximss.md §5.2). The store is shared with WebUser.
/// </summary>
internal sealed class PrefsStore(IStore store, PreferencesService preferences) : XimssOperationHandler<PrefsStoreRequest>
{
    public override async ValueTask<XimssResult> ExecuteAsync(PrefsStoreRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        if (!PreferenceSets.TryParse(request.Type, out var set))
            return XimssError.InvalidAttribute("type", "expected custom, or no type");

        var changes = new DataDictionary();
        foreach (var element in request.Preferences)
        {
            if (set == PreferenceSet.WebUser && element.Name.Equals(PreferencesService.CustomKey, StringComparison.OrdinalIgnoreCase))
                return XimssError.InvalidElement(element.Name, "a reserved name; store custom preferences with type=\"custom\"");
            if (!PreferenceXml.TryRead(element, out var value, out var error))
                return error!;
            changes[element.Name] = value;
        }
        if (changes.Count == 0)
            return XimssResult.Ok;
        if (await store.Accounts.GetAsync(context.RequiredSession.AccountId, cancellationToken) is not { } account)
            return XimssError.ServerFailure;

        try
        {
            if (set == PreferenceSet.Custom)
                await preferences.UpdateCustomAsync(account, changes, cancellationToken);
            else
                await preferences.UpdateAsync(account, changes, cancellationToken);
        }
        catch (AccountsException e)
        {
            // More than the preferences may hold (AccountLimits.MaxDictionaryTextLength).
            return XimssError.TooComplex(e.Message);
        }
        return XimssResult.Ok;
    }
}
