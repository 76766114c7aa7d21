using Postern.WebUser.Components.Generic;
using Postern.WebUser.Files;

namespace Postern.WebUser.Components;

/// <summary>
/// WebApp, WebSite: the account's File Storage in the browser. Adds <c>fileRef</c> (<c>WebFile/</c>) and
/// <c>pageRef</c> (<c>website.wssp</c>), then lets the generic WebSite component do the work.
/// </summary>
public sealed class WebSite : WebUserComponent
{
    public override string Name => "WebSite";

    public override IReadOnlySet<string> ActionParameters => GenericWebSite.ActionParameters;

    public override Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Dataset["fileRef"] = WebFileResponder.Prefix;
        context.Dataset["pageRef"] = "website.wssp";
        return GenericWebSite.ProcessAsync(context);
    }
}
