using Postern.Accounts.Preferences;
using Postern.Storage;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>readTime</c> → <c>currentTime</c>: the server's clock as <c>gmtTime</c>, and as <c>localTime</c> in the
/// account's <c>TimeZone</c> preference (seed, HTTP binding example; docs/ximss.md §5.2).
/// </summary>
internal sealed class ReadTime(IStore store, PreferencesService preferences, TimeProvider time) : XimssOperationHandler<ReadTimeRequest>
{
    public override async ValueTask<XimssResult> ExecuteAsync(ReadTimeRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var session = context.RequiredSession;
        if (await store.Accounts.GetAsync(session.AccountId, cancellationToken) is not { } account)
            return XimssError.ServerFailure;
        var zone = TimeZonePreference.Of(await preferences.GetEffectiveAsync(account, cancellationToken));
        context.Writer.WriteCurrentTime(request.Id, TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone));
        return XimssResult.Ok;
    }
}
