using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Postern.Server.Configuration;
using Postern.Server.Hosting.Sessions;
using Postern.Server.Hosting.Tls;
using Postern.Sessions;
using Postern.Ximss;
using Postern.Ximss.Http;
using Postern.Ximss.Monitoring;
using Postern.Ximss.Sessions;
using Postern.Ximss.Tcp;

namespace Postern.Server.Hosting.Ximss;

/// <summary>
/// Plugs the XIMSS module into the server: the XIMSS ports (clear and TLS), the first-byte hand-over
/// on the HTTP port, the HTTP binding's URLs, its <c>/Session/&lt;id&gt;/</c> handler, and the access
/// monitor's JSON (configuration sections <c>Postern:Ximss</c> and <c>Postern:Tls</c>).
/// </summary>
public sealed class XimssModule : IServerModule
{
    /// <summary>The access monitor's JSON, answered to clients on this host only (docs/operations.md).</summary>
    public const string MonitorPath = "/postern/monitor/ximss";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var options = new XimssOptions();
        ConfigurationBinding.Bind(configuration.GetSection("Postern:Ximss"), options, "Postern:Ximss");
        var tls = new TlsOptions();
        ConfigurationBinding.Bind(configuration.GetSection("Postern:Tls"), tls, "Postern:Tls");
        var dataDirectory = ServerOptions.FromConfiguration(configuration).DataDirectory;

        services.AddXimss(options);
        services.AddSingleton(sp => new ServerCertificate(
            ServerCertificateLoader.Load(tls, dataDirectory, options.ServerName, sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton(new SessionRoute(SessionKind.Ximss, (context, session, resource) =>
            context.RequestServices.GetRequiredService<XimssSessionEndpoint>().HandleAsync(context, (XimssSession)session, resource)));
    }

    public bool ServesListener(ListenerKind kind) => kind is ListenerKind.Ximss or ListenerKind.XimssTls;

    public void ConfigureListener(ListenerKind kind, ListenOptions listenOptions)
    {
        var services = listenOptions.ApplicationServices;
        switch (kind)
        {
            case ListenerKind.Http:
                // CGP Guide, XIMSS module: a first byte '<' on the HTTP port makes the connection XIMSS.
                var firstByte = services.GetRequiredService<XimssFirstByteMiddleware>();
                listenOptions.Use(next => connection => firstByte.InvokeAsync(connection, next));
                break;
            case ListenerKind.XimssTls:
                listenOptions.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = services.GetRequiredService<ServerCertificate>().Certificate });
                listenOptions.UseConnectionHandler<XimssConnectionHandler>();
                break;
            default:
                // Load (or generate) the certificate now, at start, rather than on the first starttls.
                services.GetRequiredService<ServerCertificate>();
                listenOptions.UseConnectionHandler<XimssConnectionHandler>();
                break;
        }
    }

    public void MapEndpoints(WebApplication app)
    {
        var login = app.Services.GetRequiredService<XimssHttpLogin>();
        // Clients spell it /ximsslogin/, /XIMSSLogin/, /ximssLogin/; routes match literals in any case (docs/ximss.md §2).
        app.Map("/ximsslogin", (HttpContext context) => login.HandleAsync(context, httpAuthenticationOnly: false));
        app.Map("/ximsslogin/{**rest}", (HttpContext context) => login.HandleAsync(context, httpAuthenticationOnly: false));
        app.Map("/auth/ximsslogin", (HttpContext context) => login.HandleAsync(context, httpAuthenticationOnly: true));
        app.Map("/auth/ximsslogin/{**rest}", (HttpContext context) => login.HandleAsync(context, httpAuthenticationOnly: true));

        var monitor = app.Services.GetRequiredService<XimssMonitor>();
        // ?collect=1 runs a full garbage collection first, for exact heap figures (the load driver's memory measurements).
        app.MapGet(MonitorPath, (HttpContext context) => IsLocal(context.Connection)
            ? Results.Json(monitor.Snapshot(collect: context.Request.Query["collect"] == "1"))
            : Results.NotFound());
    }

    /// <summary>A client on this host: loopback, or connecting from the server's own address to itself.</summary>
    internal static bool IsLocal(ConnectionInfo connection) =>
        connection.RemoteIpAddress is { } remote && (IPAddress.IsLoopback(remote) || remote.Equals(connection.LocalIpAddress));
}
