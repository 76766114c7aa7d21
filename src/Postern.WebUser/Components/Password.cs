using Postern.Accounts;
using Postern.Data;

namespace Postern.WebUser.Components;

/// <summary>WebApp, Password: changes the account password and the password-recovery address.</summary>
public sealed class Password : WebUserComponent
{
    /// <summary>The account setting with the address a forgotten password is sent to.</summary>
    public const string RecoverPasswordSetting = "RecoverPassword";

    /// <summary>The account setting that, when <c>NO</c>, keeps the user from changing the password.</summary>
    public const string CanModifyPasswordSetting = "CanModifyPassword";

    private static readonly IReadOnlySet<string> s_actions = Actions("ModifyPassword");

    public override string Name => "Password";

    public override IReadOnlySet<string> ActionParameters => s_actions;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        if (parameters.Has("ModifyPassword"))
            await ModifyAsync(context);
        var settings = AccountService.GetSettings(context.Account);
        context.Dataset["RecoverPassword"] = settings.Find(RecoverPasswordSetting)?.AsString ?? "";
    }

    private static async Task ModifyAsync(ComponentContext context)
    {
        var services = context.Services;
        var parameters = context.Parameters;
        var oldPassword = parameters["OldPassword"] ?? "";
        var check = await services.Authenticator.VerifyPasswordAsync(context.Session.Account.ToString(), oldPassword, null, context.CancellationToken);
        if (!check.Succeeded)
        {
            context.SetError(Stateless.Login.IncorrectPassword);
            return;
        }

        if (parameters["RecoverPassword"] is { } recover)
        {
            var changed = await context.TryAsync(() => services.Accounts.UpdateSettingsAsync(
                context.Account, new DataDictionary { [RecoverPasswordSetting] = recover.Trim().Length == 0 ? DataNull.Value : recover.Trim() }, context.CancellationToken));
            if (!changed)
                return;
            context.SetMessage("Updated");
        }

        var new1 = parameters["NewPassword1"] ?? "";
        var new2 = parameters["NewPassword2"] ?? "";
        if (new1.Length == 0 && new2.Length == 0)
        {
            await context.ReloadAccountAsync();
            return;
        }
        if (AccountService.GetSettings(context.Account).Find(CanModifyPasswordSetting)?.AsString?.Equals("NO", StringComparison.OrdinalIgnoreCase) == true)
            context.SetError("Password Change Not Allowed");
        else if (new1 != new2)
            context.SetError("Passwords Do Not Match");
        else if (await context.TryAsync(() => services.Accounts.SetPasswordAsync(check.Account!, new1, context.CancellationToken)))
            context.SetMessage("PasswordChanged");
        await context.ReloadAccountAsync();
    }
}
