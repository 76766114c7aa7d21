using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Postern.Server.Hosting.Sessions;
using Postern.Server.Hosting.WebUser;
using Postern.Server.Hosting.Ximss;

namespace Postern.Server.Hosting;

/// <summary>The listeners the server can bind.</summary>
public enum ListenerKind
{
    /// <summary>The HTTP user port (WebUser, the XIMSS HTTP binding, skin files; default 8100).</summary>
    Http,

    /// <summary>The XIMSS port (default 11024): bound only when a module serves it.</summary>
    Ximss,

    /// <summary>The XIMSS port that speaks TLS from the first byte (off by default): bound only when a module serves it.</summary>
    XimssTls,
}

/// <summary>
/// A part of the server that plugs into the host: its services, its connection handling on the
/// listeners, and its HTTP endpoints. Modules are listed in <see cref="ServerModules"/>.
/// </summary>
/// <remarks>
/// A module serving XIMSS answers true to <see cref="ServesListener"/> for
/// <see cref="ListenerKind.Ximss"/> and installs its terminal handler in
/// <see cref="ConfigureListener"/> (<c>listenOptions.UseConnectionHandler&lt;T&gt;()</c>); on the
/// HTTP listener it may add connection middleware (<c>listenOptions.Use(…)</c>) ahead of HTTP.
/// </remarks>
public interface IServerModule
{
    void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Whether this module handles connections of a listener that has no handler of its own.</summary>
    bool ServesListener(ListenerKind kind) => false;

    /// <summary>Called for every listener being bound, before HTTP is attached to the HTTP listener.</summary>
    void ConfigureListener(ListenerKind kind, ListenOptions listenOptions)
    {
    }

    void MapEndpoints(WebApplication app)
    {
    }
}

/// <summary>The modules the server is built from, in the order they are configured.</summary>
public static class ServerModules
{
    public static IReadOnlyList<IServerModule> All { get; } =
    [
        new StatusModule(),
        new SessionsModule(),
        new XimssModule(),
        new WebUserModule(),
    ];
}
