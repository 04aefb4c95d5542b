namespace Assistance.Application.Enrolments.ChangeEnrolmentStatus;

public enum EnrolmentAction
{
    Suspend,
    Resume,
    StartGradualExit,
    End,
}
