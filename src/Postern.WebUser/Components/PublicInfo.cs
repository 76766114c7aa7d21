using System.Globalization;
using Postern.Accounts;
using Postern.Data;

namespace Postern.WebUser.Components;

/// <summary>WebApp, PublicInfo: the account settings the user publishes (the configured Public Info attributes).</summary>
public sealed class PublicInfo : WebUserComponent
{
    /// <summary>A Public Info value is one line of directory data; 4096 characters is far beyond any address or title.</summary>
    public const int MaxValueLength = 4096;

    private static readonly IReadOnlySet<string> s_actions = Actions("Update");

    public override string Name => "PublicInfo";

    public override IReadOnlySet<string> ActionParameters => s_actions;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var attributes = context.Services.Options.EffectivePublicInfoAttributes;
        if (context.Parameters.Has("Update"))
            await UpdateAsync(context, attributes);

        var settings = AccountService.GetSettings(context.Account);
        var publicInfo = new DataArray(attributes.Count);
        for (var i = 0; i < attributes.Count; i++)
        {
            var element = new DataDictionary { ["id"] = i.ToString(CultureInfo.InvariantCulture), ["name"] = attributes[i] };
            if (settings.Find(attributes[i]) is { IsNull: false } value)
                element["value"] = value;
            publicInfo.Add(element);
        }
        context.Dataset["publicInfo"] = publicInfo;
    }

    /// <summary>
    /// WebApp: each <c>ID</c> parameter nnn names a pair <c>Nnnn</c> (setting name) and <c>Vnnn</c> (value);
    /// an empty value removes the setting.
    /// </summary>
    private static async Task UpdateAsync(ComponentContext context, IReadOnlyList<string> attributes)
    {
        var changes = new DataDictionary();
        foreach (var id in context.Parameters.GetAll("ID"))
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                continue;
            var name = context.Parameters["N" + number]?.Trim();
            if (name is null)
                continue;
            var known = attributes.FirstOrDefault(a => a.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                context.SetError($"{name} is not a Public Info attribute");
                return;
            }
            var value = (context.Parameters["V" + number] ?? "").Trim();
            if (value.Length > MaxValueLength || value.Any(char.IsControl))
            {
                context.SetError($"The value of {known} is too long or has control characters");
                return;
            }
            changes[known] = value.Length == 0 ? DataNull.Value : value;
        }
        if (await context.TryAsync(() => context.Services.Accounts.UpdateSettingsAsync(context.Account, changes, context.CancellationToken)))
        {
            context.SetMessage("Updated");
            await context.ReloadAccountAsync();
        }
    }
}
