using System.Net;
using Microsoft.Extensions.Configuration;

namespace Postern.Server.Configuration;

/// <summary>The server's settings (configuration section <c>Postern</c>), as the command line, environment and appsettings.json give them.</summary>
public sealed class ServerOptions
{
    /// <summary>The data directory; relative paths are relative to the current directory.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The main domain to create on first start; null for the machine's host name.</summary>
    public string? Domain { get; init; }

    /// <summary>The address listeners bind to; null for every interface (IPv6 and IPv4).</summary>
    public IPAddress? BindAddress { get; init; }

    /// <summary>CommuniGate's HTTP user port.</summary>
    public ListenerPort HttpPort { get; init; } = new(8100);

    /// <summary>CommuniGate's clear-text XIMSS port.</summary>
    public ListenerPort XimssPort { get; init; } = new(11024);

    /// <summary>
    /// The XIMSS port that speaks TLS from the first byte. Off by default, as in CommuniGate, whose XIMSS
    /// listener has only the clear port until one is added (clients upgrade it with <c>starttls</c>).
    /// </summary>
    public ListenerPort XimssTlsPort { get; init; } = ListenerPort.Disabled;

    /// <summary>The postmaster's password on first start; null to generate one and print it once.</summary>
    public string? PostmasterPassword { get; init; }

    /// <exception cref="ConfigurationException">A value is unusable.</exception>
    public static ServerOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Postern");
        var bind = section["BindAddress"];
        IPAddress? bindAddress = null;
        if (!string.IsNullOrWhiteSpace(bind) && bind.Trim() != "*" && !IPAddress.TryParse(bind.Trim(), out bindAddress))
            throw new ConfigurationException($"Postern:BindAddress = \"{bind}\" is not an IP address or *");
        var data = section["Data"];
        return new ServerOptions
        {
            DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(data) ? "data" : data),
            Domain = string.IsNullOrWhiteSpace(section["Domain"]) ? null : section["Domain"],
            BindAddress = bindAddress,
            HttpPort = section["HttpPort"] is { } http ? ListenerPort.Parse(http, "Postern:HttpPort") : new ListenerPort(8100),
            XimssPort = section["XimssPort"] is { } ximss ? ListenerPort.Parse(ximss, "Postern:XimssPort") : new ListenerPort(11024),
            XimssTlsPort = section["XimssTlsPort"] is { } ximssTls ? ListenerPort.Parse(ximssTls, "Postern:XimssTlsPort") : ListenerPort.Disabled,
            PostmasterPassword = string.IsNullOrEmpty(section["PostmasterPassword"]) ? null : section["PostmasterPassword"],
        };
    }
}
