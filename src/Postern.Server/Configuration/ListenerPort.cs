using System.Globalization;

namespace Postern.Server.Configuration;

/// <summary>A listener's port setting: a number, <c>0</c> to disable the listener, or <c>auto</c> for any free port.</summary>
public readonly record struct ListenerPort(int Port)
{
    public static ListenerPort Disabled => new(0);

    /// <summary>Any free port, chosen by the system when binding (what tests use).</summary>
    public static ListenerPort Automatic => new(-1);

    public bool IsDisabled => Port == 0;

    public bool IsAutomatic => Port < 0;

    /// <summary>The port to bind: the number, or 0 (the system's choice) when automatic.</summary>
    public int BindPort => Math.Max(Port, 0);

    /// <exception cref="ConfigurationException">The text is not a port, 0 or auto.</exception>
    public static ListenerPort Parse(string? text, string settingName)
    {
        var value = (text ?? "").Trim();
        if (value.Equals("auto", StringComparison.OrdinalIgnoreCase))
            return Automatic;
        if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
            return Disabled;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= ushort.MaxValue)
            return new ListenerPort(port);
        throw new ConfigurationException($"{settingName} = \"{value}\" is not a port (1-65535), 0 (off) or auto");
    }

    public override string ToString() => IsAutomatic ? "auto" : Port.ToString(CultureInfo.InvariantCulture);
}
