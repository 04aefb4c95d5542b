namespace Assistance.Api.Demo;

using System.Globalization;
using System.Security.Claims;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Applications;
using Assistance.Application.Applications.DecideApplication;
using Assistance.Application.Applications.ListApplications;
using Assistance.Application.Applications.SubmitApplication;
using Assistance.Application.Applications.AcceptApplication;
using Assistance.Application.Applications.ClosePublicNotice;
using Assistance.Application.Applications.IssueRefusalNotice;
using Assistance.Application.Applications.OpenPublicNotice;
using Assistance.Application.Applications.RecordHomeSurvey;
using Assistance.Application.Applications.RecordVerificationResult;
using Assistance.Application.Applications.RequestVerification;
using Assistance.Application.CareAgreements.CreateCareAgreement;
using Assistance.Application.Households;
using Assistance.Application.Households.CreateHousehold;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;
using Assistance.Infrastructure.Persistence;

/// <summary>Moves the clock the use cases read, for the demo story only.</summary>
public interface IDemoClockControl
{
    /// <summary>Beijing time, 09:00 on that date.</summary>
    void Today(string isoDate);

    /// <summary>Starts a story: from here on, in this asynchronous flow, <see cref="Today"/> moves the clock.</summary>
    void Begin();

    /// <summary>Back to the real time.</summary>
    void Reset();
}

/// <summary>
/// The application clock when demo data is loaded: the real time, except inside the demo seeder's own asynchronous
/// flow (AsyncLocal), which sees the dates the demo cases would have happened on. Requests served meanwhile see the
/// real time.
/// </summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider, IDemoClockControl
{
    // A box, so that a date set deep in the story is seen by the rest of it (an AsyncLocal value set in an awaited
    // method does not flow back to its caller; a shared box does).
    private static readonly AsyncLocal<System.Runtime.CompilerServices.StrongBox<DateTimeOffset?>?> Override = new();

    public override DateTimeOffset GetUtcNow() => Override.Value?.Value ?? inner.GetUtcNow();

    public void Begin() => Override.Value = new System.Runtime.CompilerServices.StrongBox<DateTimeOffset?>(null);

    public void Today(string isoDate) => (Override.Value ?? throw new InvalidOperationException("Begin() first.")).Value = At(isoDate);

    public void Reset() => Override.Value = null;

    public static DateTimeOffset At(string isoDate) =>
        DateTimeOffset.Parse(isoDate + "T09:00:00+08:00", CultureInfo.InvariantCulture).ToUniversalTime();
}

/// <summary>
/// Demo cases (Database:LoadDemoData) built through the use cases, so every rule applies as in real use: applications
/// in each state, one whose 7-day public notice has ended (ready to close), dibao and tekun enrolments, a rejection
/// with its refusal notice, and a care agreement whose visit is overdue. Dates are autumn 2026 (the calendar's
/// year), set with <see cref="DemoClock"/>; the callers are a township clerk (320682001) and a county officer (320682).
/// Runs once: nothing is added when the register already holds applications.
/// </summary>
public sealed class DemoWorkflowSeeder(IServiceScopeFactory scopes, IHttpContextAccessor accessor, IDemoClockControl clock) : IStartupSeeder
{
    private static readonly VerificationSource[] Sources = Enum.GetValues<VerificationSource>();

    public bool IsDemoData => true;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var previous = accessor.HttpContext;
        try
        {
            clock.Begin();
            As("demo-county", "320682");
            var existing = await sender.Send(new ListApplicationsQuery("320682", null, null, null, null, 1, null), cancellationToken).ConfigureAwait(false);
            if (existing.Items.Count > 0)
            {
                return;
            }

            var story = new Story(sender, clock, cancellationToken);
            await story.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            clock.Reset();
            accessor.HttpContext = previous;
        }
    }

    private void As(string subject, string region) => accessor.HttpContext = new DefaultHttpContext
    {
        User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", subject), new Claim("scope", string.Join(' ', Scopes.All)), new Claim("region", region)], "demo")),
    };

    private sealed class Story(ISender sender, IDemoClockControl clock, CancellationToken cancellationToken)
    {
        private int sequence = 601;

        public async Task RunAsync()
        {
            // Enrolled in dibao: a parent unable to work full time and a child in school, no income (approved 2026-10-20).
            var dibao = await HouseholdAsync("Urban", ("2026-09-28", "刘建华", "1976-05-04", LaborCapacity.Partial, 0m), ("", "刘欣", "2013-06-01", LaborCapacity.None, 0m));
            var enrolledDibao = await ToDecisionAsync(dibao, Programme.Dibao, "2026-09-28");
            clock.Today("2026-10-20");
            await Send(new DecideApplicationCommand(enrolledDibao.Id, enrolledDibao.Version, DecisionKind.Approve, "人均收入低于低保标准", null));

            // Enrolled in tekun, cared for at home: an 80-year-old alone; the care agreement's weekly visit is overdue.
            var elder = await HouseholdAsync("Rural", ("2026-09-28", "沈桂兰", "1946-01-15", LaborCapacity.None, 0m));
            var tekun = await ToDecisionAsync(elder, Programme.Tekun, "2026-09-28");
            clock.Today("2026-10-21");
            var approved = await Send(new DecideApplicationCommand(tekun.Id, tekun.Version, DecisionKind.Approve, "无劳动能力、无收入、无法定赡养人", CareSetting.Decentralized));
            await Send(new CreateCareAgreementCommand(approved.EnrolmentIds[0], "沈建国", "13800000000", "每日送餐，每周打扫，陪同就医", 7,
                new DateOnly(2026, 10, 22), "签订照料协议"));

            // Rejected, with the written refusal notice.
            var richer = await HouseholdAsync("Urban", ("2026-10-08", "周明", "1980-02-11", LaborCapacity.Full, 5000.00m));
            var refused = await ToDecisionAsync(richer, Programme.Dibao, "2026-10-08");
            clock.Today("2026-10-30");
            refused = await Send(new DecideApplicationCommand(refused.Id, refused.Version, DecisionKind.Reject, "家庭人均收入高于当地低保标准", null));
            await Send(new IssueRefusalNoticeCommand(refused.Id, refused.Version, "书面告知申请人"));

            // In public notice since 2026-11-16: the 7 days have passed, so it can be closed today.
            var noticed = await HouseholdAsync("Urban", ("2026-11-09", "陈红", "1979-08-23", LaborCapacity.Partial, 0m));
            await ToPublicNoticeAsync(noticed, Programme.Dibao, "2026-11-09", "2026-11-16");

            // Verifying, accepted, submitted: the early states.
            var verifying = await HouseholdAsync("Urban", ("2026-11-10", "杨柳", "1983-12-01", LaborCapacity.Partial, 0m));
            var v = await SubmitAsync(verifying, Programme.Dibao, "2026-11-10");
            v = await Send(new AcceptApplicationCommand(v.Id, v.Version, "材料齐全"));
            await Send(new RequestVerificationCommand(v.Id, v.Version, "发起核对"));

            var accepted = await HouseholdAsync("Rural", ("2026-11-12", "黄伟", "1969-04-17", LaborCapacity.Partial, 0m));
            var a = await SubmitAsync(accepted, Programme.Dibao, "2026-11-12");
            await Send(new AcceptApplicationCommand(a.Id, a.Version, "材料齐全"));

            var submitted = await HouseholdAsync("Urban", ("2026-11-13", "吴静", "1990-09-09", LaborCapacity.Partial, 0m));
            await SubmitAsync(submitted, Programme.Dibao, "2026-11-13");
        }

        private async Task<ApplicationDto> ToDecisionAsync(HouseholdDto household, Programme programme, string submittedOn)
        {
            var start = DateOnly.ParseExact(submittedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var application = await ToPublicNoticeAsync(household, programme, submittedOn, start.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            clock.Today(start.AddDays(13).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return await Send(new ClosePublicNoticeCommand(application.Id, application.Version, "公示无异议，报县级"));
        }

        private async Task<ApplicationDto> ToPublicNoticeAsync(HouseholdDto household, Programme programme, string submittedOn, string noticeOn)
        {
            var application = await SubmitAsync(household, programme, submittedOn);
            application = await Send(new AcceptApplicationCommand(application.Id, application.Version, "材料齐全，告知承诺已签"));
            application = await Send(new RequestVerificationCommand(application.Id, application.Version, "发起核对"));
            foreach (var source in Sources)
            {
                application = await Send(new RecordVerificationResultCommand(application.Id, application.Version, source, VerificationOutcome.Pass, null, null));
            }

            application = await Send(new RecordHomeSurveyCommand(application.Id, application.Version, ["李娜", "王强"], "两名工作人员入户，情况属实", null));
            clock.Today(noticeOn);
            return await Send(new OpenPublicNoticeCommand(application.Id, application.Version, "村务公开栏公示"));
        }

        private async Task<ApplicationDto> SubmitAsync(HouseholdDto household, Programme programme, string on)
        {
            clock.Today(on);
            return await Send(new SubmitApplicationCommand(household.Id, programme, ApplicationChannel.Window, household.Members[0].Id, true, null, false, "窗口受理"));
        }

        private async Task<HouseholdDto> HouseholdAsync(string residence, params (string On, string Name, string Birth, LaborCapacity Labor, decimal Wage)[] people)
        {
            clock.Today(people[0].On);
            var members = people.Select((p, i) =>
            {
                var birth = DateOnly.ParseExact(p.Birth, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var id = DevId.Numbers("320682", birth, male: sequence % 2 == 1, sequence).First();
                sequence += 2;
                return new HouseholdMemberInput(
                    IdNumber: id, Name: p.Name, Relationship: i == 0 ? Relationship.Head : Relationship.Child, LaborCapacity: p.Labor,
                    InSchool: i > 0, SelfCare: p.Labor == LaborCapacity.None && i == 0 ? SelfCareLevel.FullCare : SelfCareLevel.SelfCare,
                    Incomes: p.Wage > 0 ? [new IncomeInput(IncomeType.Wage, p.Wage, false)] : null);
            }).ToList();
            return await Send(CreateHouseholdCommand.From(new HouseholdInput(
                "320682001", Enum.Parse<ResidenceType>(residence), "如皋市如城街道示范社区" + sequence.ToString(CultureInfo.InvariantCulture) + "号", members)));
        }

        private Task<T> Send<T>(ICommand<T> command) => sender.Send(command, cancellationToken);
    }
}
