// The privilege-escalation path table (privilege_escalation.hpp). Sources:
//  - Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" (Spencer
//    Gietzen's 21 methods) and its part 2 (CodeStar, SageMaker);
//  - Bishop Fox's iam-vulnerable, whose README lists the paths it builds (the SSM, EC2
//    Instance Connect, CodeBuild and CloudFormation UpdateStack ones come from there).
// Choices:
//  - ssm:SendCommand and ssm:StartSession are separate paths: either alone runs commands on
//    an instance and so acts with the instance profile's role.
//  - ecs: iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask (a new task definition
//    carrying a powerful task role, then a task that uses it). Neither list above has it;
//    the mechanism is AWS's own description of task roles, cited instead.
//  - iam:AttachRolePolicy and iam:PutRolePolicy stand alone as the sources list them: the
//    holder is usually the role being changed.
#include <algorithm>

#include "iam/privilege_escalation.hpp"

namespace iacscan::detail::iam {
namespace {

constexpr std::string_view kRhino =
    "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/";
constexpr std::string_view kRhinoPart2 =
    "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation-part-2/";
constexpr std::string_view kBishopFox = "https://github.com/BishopFox/iam-vulnerable";
constexpr std::string_view kEcsTaskRoles =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html";

// Sorted by id.
constexpr EscalationPath kPaths[] = {
    {"cloudformation-create-stack-pass-role",
     {"iam:PassRole", "cloudformation:CreateStack"},
     "create a stack whose service role is a more privileged role; the stack's resources act "
     "with it",
     kRhino},
    {"cloudformation-update-stack",
     {"cloudformation:UpdateStack"},
     "change an existing stack that runs with a privileged service role",
     kBishopFox},
    {"codebuild-create-project-pass-role",
     {"iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"},
     "create and start a build project whose service role is a more privileged role",
     kBishopFox},
    {"codestar-create-project-pass-role",
     {"iam:PassRole", "codestar:CreateProject"},
     "create a CodeStar project with a more privileged role, whose template creates anything",
     kRhinoPart2},
    {"datapipeline-create-pipeline-pass-role",
     {"iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"},
     "create a pipeline that runs commands as a more privileged role",
     kRhino},
    {"ec2-instance-connect-send-ssh-public-key",
     {"ec2-instance-connect:SendSSHPublicKey"},
     "push an SSH key to an instance and act with its instance profile's role",
     kBishopFox},
    {"ec2-run-instances-pass-role",
     {"iam:PassRole", "ec2:RunInstances"},
     "launch an instance with a more privileged instance profile and read its credentials",
     kRhino},
    {"ecs-run-task-pass-role",
     {"iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"},
     "register a task definition with a more privileged task role and run it",
     kEcsTaskRoles},
    {"glue-create-dev-endpoint-pass-role",
     {"iam:PassRole", "glue:CreateDevEndpoint"},
     "create a Glue development endpoint with a more privileged role and log in to it",
     kRhino},
    {"glue-update-dev-endpoint",
     {"glue:UpdateDevEndpoint"},
     "add an SSH key to an existing Glue development endpoint and act with its role",
     kRhino},
    {"iam-add-user-to-group",
     {"iam:AddUserToGroup"},
     "add oneself to a more privileged group",
     kRhino},
    {"iam-attach-group-policy",
     {"iam:AttachGroupPolicy"},
     "attach a managed policy (AdministratorAccess) to one's group",
     kRhino},
    {"iam-attach-role-policy",
     {"iam:AttachRolePolicy"},
     "attach a managed policy (AdministratorAccess) to one's role",
     kRhino},
    {"iam-attach-user-policy",
     {"iam:AttachUserPolicy"},
     "attach a managed policy (AdministratorAccess) to oneself",
     kRhino},
    {"iam-create-access-key",
     {"iam:CreateAccessKey"},
     "create an access key for a more privileged user",
     kRhino},
    {"iam-create-login-profile",
     {"iam:CreateLoginProfile"},
     "set a console password for a more privileged user that has none",
     kRhino},
    {"iam-create-policy-version",
     {"iam:CreatePolicyVersion"},
     "write a new default version of a policy attached to oneself",
     kRhino},
    {"iam-put-group-policy",
     {"iam:PutGroupPolicy"},
     "write an inline policy into one's group",
     kRhino},
    {"iam-put-role-policy",
     {"iam:PutRolePolicy"},
     "write an inline policy into one's role",
     kRhino},
    {"iam-put-user-policy", {"iam:PutUserPolicy"}, "write an inline policy into oneself", kRhino},
    {"iam-set-default-policy-version",
     {"iam:SetDefaultPolicyVersion"},
     "make a more permissive existing version of one's policy the default",
     kRhino},
    {"iam-update-assume-role-policy",
     {"iam:UpdateAssumeRolePolicy", "sts:AssumeRole"},
     "make a more privileged role trust oneself, then assume it",
     kRhino},
    {"iam-update-login-profile",
     {"iam:UpdateLoginProfile"},
     "change the console password of a more privileged user",
     kRhino},
    {"lambda-create-function-event-source-pass-role",
     {"iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"},
     "create a function with a more privileged role and have an event source invoke it",
     kRhino},
    {"lambda-create-function-invoke-pass-role",
     {"iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"},
     "create a function with a more privileged role and invoke it",
     kRhino},
    {"lambda-update-function-code",
     {"lambda:UpdateFunctionCode"},
     "replace the code of a function that runs with a more privileged role",
     kRhino},
    {"sagemaker-create-notebook-pass-role",
     {"iam:PassRole", "sagemaker:CreateNotebookInstance",
      "sagemaker:CreatePresignedNotebookInstanceUrl"},
     "create a notebook instance with a more privileged role and open it",
     kRhinoPart2},
    {"sagemaker-create-presigned-notebook-url",
     {"sagemaker:CreatePresignedNotebookInstanceUrl"},
     "open an existing notebook instance and act with its role",
     kRhinoPart2},
    {"ssm-send-command",
     {"ssm:SendCommand/instance|managed-instance"},
     "run commands on an instance and act with its instance profile's role",
     kBishopFox},
    {"ssm-start-session",
     {"ssm:StartSession/instance|managed-instance"},
     "open a shell on an instance and act with its instance profile's role",
     kBishopFox},
};

static_assert(std::is_sorted(std::begin(kPaths), std::end(kPaths),
                             [](const EscalationPath& a, const EscalationPath& b) {
                               return a.id < b.id;
                             }),
              "escalation paths must stay sorted by id");

}  // namespace

std::span<const EscalationPath> escalation_paths() {
  return kPaths;
}

}  // namespace iacscan::detail::iam
